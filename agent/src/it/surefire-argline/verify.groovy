// The tests ran on untransformed classes (no frame class on disk) and passed: the agent rewrote them.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
assert !log.contains('did not transform') : log
def frames = []
new File(basedir, 'target').eachFileRecurse { if (it.name.endsWith('$Frame.class')) frames << it }
assert frames.isEmpty() : "the build wrote frame classes: ${frames}"
return true
