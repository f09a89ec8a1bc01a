def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
it.reject(log, 'fails bytecode verification')
it.reject(log, 'not verified')
// The summary lines, then the same numbers recounted from the folders: a class file is lasti's frame class if
// it carries @FrameInfo, transformed if it carries the Transformed marker.
def summary = ~/^\[INFO\] lasti: transformed (\d+) class(?:es)? \((\d+) methods?\), 0 already transformed, (\d+) without @Async, in \d+ ms$/
def lines = log.readLines().findAll { summary.matcher(it).matches() }
assert lines.size() == 2 : "expected one summary line per goal:\n${log.readLines().findAll { it.contains('lasti:') }.join('\n')}"
def recount = { String dir ->
    def files = []
    new File(basedir, dir).eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.class')) files << it }
    def text = { File f -> new String(f.bytes, 'ISO-8859-1') }
    def user = files.findAll { !text(it).contains('dev/lasti/internal/FrameInfo') }
    [transformed: user.count { text(it).contains('dev/lasti/internal/Transformed') },
     plain: user.count { !text(it).contains('dev/lasti/internal/Transformed') }]
}
[['target/classes', lines[0]], ['target/test-classes', lines[1]]].each { dir, line ->
    def m = summary.matcher(line)
    assert m.matches()
    def counted = recount(dir)
    assert m.group(1).toInteger() == counted.transformed : "${dir}: ${line} vs ${counted}"
    assert m.group(3).toInteger() == counted.plain : "${dir}: ${line} vs ${counted}"
}
// 13 rewritten classes (Retry, Item, Status, Status$1, Store, MemoryStore, Inventory, Inventory$Counter,
// Controllers, Router, Router$1, Router$1Bonus, App) with 22 methods (lambdas and never-awaiting ones
// included); 7 without (Strings, Delays, Index, Request, Response, Handler, Config). Tests: AppTest and
// StoreTest have one @Async helper each; RetryTest has none.
it.expect(log, ~/^\[INFO\] lasti: transformed 13 classes \(22 methods\), 0 already transformed, 7 without @Async, in \d+ ms$/)
it.expect(log, ~/^\[INFO\] lasti: transformed 2 classes \(2 methods\), 0 already transformed, 1 without @Async, in \d+ ms$/)
it.expect(log, 'Tests run: 9, Failures: 0, Errors: 0, Skipped: 0')
return true
