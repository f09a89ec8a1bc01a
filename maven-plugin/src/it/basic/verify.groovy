def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
it.expect(log, ~/^\[INFO\] lasti: transformed 1 class \(\d+ methods?\), 0 already transformed, 0 without @Async, in \d+ ms$/)
it.expect(log, ~/^\[INFO\] lasti: transformed 0 classes, 0 already transformed, 1 without @Async, in \d+ ms$/)
it.expect(log, 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/classes/it/basic/Greeter$greet$Frame.class').isFile()
assert log.readLines().count { it.startsWith('[INFO] lasti: ') } == 2 // one line per goal run
return true
