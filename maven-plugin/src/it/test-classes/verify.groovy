def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
it.expect(log, '[INFO] lasti: nothing to transform, target/classes does not exist') // no main sources
it.expect(log, ~/^\[INFO\] lasti: transformed 1 class \(1 method\), 0 already transformed, 0 without @Async, in \d+ ms$/)
it.expect(log, '[INFO] lasti:   transformed it.tests.AsyncInTestsTest.slowAnswer (frame it/tests/AsyncInTestsTest$slowAnswer$Frame)')
it.expect(log, 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/test-classes/it/tests/AsyncInTestsTest$slowAnswer$Frame.class').isFile()
assert new File(basedir, 'target/lasti/transform-test.state').isFile()
return true
