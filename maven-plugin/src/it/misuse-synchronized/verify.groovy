// Expects exactly one javac-form error for Locked.java, on one of the lines [16], mentioning "synchronized".
def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
def errors = log.readLines().findAll { it ==~ /\[ERROR\] src\/main\/java\/it\/misuse\/Locked\.java:\d+: error: .*/ }
assert errors.size() == 1 : "expected one error line for Locked.java, got:\n" + errors.join('\n') + '\n' + log.readLines().findAll { it.contains('lasti') }.join('\n')
def line = (errors[0] =~ /Locked\.java:(\d+):/)[0][1] as int
assert line in [16] : errors[0]
assert errors[0].toLowerCase().contains('synchronized') : errors[0]
it.expect(log, ~/lasti: 1 error in 1 class \(left untransformed\)/)
it.expect(log, 'lasti: 1 error in 1 class of ')
it.expect(log, 'BUILD FAILURE')
return true
