// Expects exactly one javac-form error for JucFuture.java, on one of the lines [11, 12], mentioning "java.util.concurrent.future".
def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
def errors = log.readLines().findAll { it ==~ /\[ERROR\] src\/main\/java\/it\/misuse\/JucFuture\.java:\d+: error: .*/ }
assert errors.size() == 1 : "expected one error line for JucFuture.java, got:\n" + errors.join('\n') + '\n' + log.readLines().findAll { it.contains('lasti') }.join('\n')
def line = (errors[0] =~ /JucFuture\.java:(\d+):/)[0][1] as int
assert line in [11, 12] : errors[0]
assert errors[0].toLowerCase().contains('java.util.concurrent.future') : errors[0]
it.expect(log, ~/lasti: 1 error in 1 class \(left untransformed\)/)
it.expect(log, 'lasti: 1 error in 1 class of ')
it.expect(log, 'BUILD FAILURE')
// The hint names the fix: return dev.lasti.Future instead.
it.expect(log, ~/hint: .*dev\.lasti\.Future/)
return true
