def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
// Shapes, Shapes$1, Shapes$1Local, Shapes$Nested, Counter, Worker, Greeting, Target are rewritten;
// 11 methods: Shapes.take never awaits (no frame class) but is rewritten too.
// Shapes$Src, Shapes$Base, Helper, Job, Polite, Caller, Counter$Plus, Counter$Minus are not.
it.expect(log, ~/^\[INFO\] lasti: transformed 8 classes \(11 methods\), 0 already transformed, 8 without @Async, in \d+ ms$/)
it.reject(log, 'fails bytecode verification')
it.reject(log, 'not verified')
it.expect(log, 'Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
return true
