def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
assert log.readLines().count { it == '[INFO] lasti: skipped (lasti.skip=true)' } == 2 // both goals
it.reject(log, 'lasti: transformed')
assert !new File(basedir, 'target/classes/it/skip/Skipped$nap$Frame.class').exists()
assert !new File(basedir, 'target/lasti').exists()
return true
