def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
def lines = log.readLines().findAll { it.startsWith('[INFO] lasti: ') }
assert lines.size() == 2 : lines.join('\n')
assert lines[0] ==~ /\[INFO\] lasti: transformed 1 class \(1 method\), 0 already transformed, 1 without @Async, in \d+ ms/ : lines[0]
// Counter and Plain: the frame class the first run wrote is lasti's, not counted as a class
assert lines[1] == '[INFO] lasti: nothing to transform, all 2 classes up to date' : lines[1]
assert new File(basedir, 'target/lasti/transform.state').isFile()
return true
