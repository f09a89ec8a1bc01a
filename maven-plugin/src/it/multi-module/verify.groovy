def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
it.expect(log, 'Using the MultiThreadedBuilder implementation with a thread count of 2')
it.reject(log, 'not marked @threadSafe') // Maven's warning under -T for plugins that are not thread-safe
// The aggregator has no classes; each module transforms its own one class.
def transformed = log.readLines().findAll { it ==~ /\[INFO\] lasti: transformed 1 class \(1 method\), .*/ }
assert transformed.size() == 2 : transformed.join('\n')
it.expect(log, 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'source/target/classes/it/mm/source/Source$fetch$Frame.class').isFile()
assert new File(basedir, 'consumer/target/classes/it/mm/consumer/Consumer$both$Frame.class').isFile()
return true
