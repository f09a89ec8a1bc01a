// JaCoCo's XML report of the transformed classes: every line marked "covered" in Pipeline.java has covered
// instructions (most run only in the resume method, after a suspension), every line marked "missed" has none,
// and the generated frame classes (synthetic, so JaCoCo filters all their methods) have no counters at all.
def it = evaluate(new File(itSources, 'it-common.groovy'))
def log = it.log(basedir)
it.expect(log, 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def report = new File(basedir, 'target/site/jacoco/jacoco.xml')
assert report.isFile() : 'no JaCoCo XML report'
def parser = new groovy.xml.XmlSlurper(false, false, true) // the report has a DOCTYPE
parser.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
def xml = parser.parse(report)
def source = xml.'package'.find { it.@name == 'it/cov' }.sourcefile.find { it.@name == 'Pipeline.java' }
def lines = [:]
source.line.each { lines[it.@nr.toInteger()] = [ci: it.@ci.toInteger(), mi: it.@mi.toInteger()] }
def text = new File(basedir, 'src/main/java/it/cov/Pipeline.java').readLines()
def marked = { String mark -> (1..text.size()).findAll { text[it - 1].trim().endsWith("// ${mark}") } }
def covered = marked('covered')
def missed = marked('missed')
assert covered.size() == 6 && missed.size() == 2
def wrong = covered.findAll { !lines[it] || lines[it].ci == 0 }.collect { "line ${it} not covered: ${lines[it]}" } +
        missed.findAll { !lines[it] || lines[it].ci != 0 }.collect { "line ${it} covered: ${lines[it]}" }
assert wrong.isEmpty() : "JaCoCo report disagrees: ${wrong}; all lines: ${lines}"
def frames = xml.'package'.'class'.findAll { it.@name.toString().endsWith('$Frame') }
assert frames.size() == 2 : "expected the two frame classes, listed empty: ${xml.'package'.'class'*.@name}"
frames.each { assert it.method.size() == 0 && it.counter.size() == 0 : "frame class ${it.@name} has coverage" }
return true
