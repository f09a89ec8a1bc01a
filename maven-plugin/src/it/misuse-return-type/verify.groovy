// Expects exactly one javac-form error for WrongReturn.java, on one of the lines [10, 11], mentioning "string".
def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
def errors = log.readLines().findAll { it ==~ /\[ERROR\] src\/main\/java\/it\/misuse\/WrongReturn\.java:\d+: error: .*/ }
assert errors.size() == 1 : "expected one error line for WrongReturn.java, got:\n" + errors.join('\n') + '\n' + log.readLines().findAll { it.contains('lasti') }.join('\n')
def line = (errors[0] =~ /WrongReturn\.java:(\d+):/)[0][1] as int
assert line in [10, 11] : errors[0]
assert errors[0].toLowerCase().contains('string') : errors[0]
it.expect(log, ~/lasti: 1 error in 1 class \(left untransformed\)/)
it.expect(log, 'lasti: 1 error in 1 class of ')
it.expect(log, 'BUILD FAILURE')
return true
