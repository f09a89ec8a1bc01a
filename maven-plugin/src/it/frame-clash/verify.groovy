def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
it.expect(log, '[ERROR] src/main/java/it/clash/Clash.java:12: error: the frame class lasti generates for @Async'
        + ' method it.clash.Clash.m is called it.clash.Clash$m$Frame, but Clash$m$Frame.class already exists and'
        + ' lasti did not write it (a class of your own has that name)')
it.expect(log, 'rename the class it.clash.Clash$m$Frame or the method it.clash.Clash.m; lasti never overwrites a'
        + ' class file it did not generate')
it.expect(log, ~/^\[INFO\] lasti: 1 error in 1 class \(left untransformed\), transformed 0 classes, 0 already transformed, 1 without @Async, in \d+ ms$/)
// the user's class is still the one javac wrote: no frame marker in it
def users = new File(basedir, 'target/classes/it/clash/Clash$m$Frame.class')
assert users.isFile()
assert !new String(users.bytes, 'ISO-8859-1').contains('dev/lasti/internal/FrameInfo')
return true
