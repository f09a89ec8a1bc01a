// The generated project built and its tests ran through both engines: Jupiter (none) and lasti's.
def app = new File(basedir, 'my-app')
assert new File(app, 'pom.xml').isFile()
assert new File(app, 'src/main/java/com/example/app/App.java').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[INFO\] lasti: transformed 1 class \(\d+ methods?\)/
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert new File(app, 'target/my-app-1.0-SNAPSHOT.jar').isFile()
def pom = new File(app, 'pom.xml').text
assert pom.contains("<version>${lastiVersion}</version>") : 'the lasti version is the archetype\'s own'
assert pom.contains('<artifactId>lasti-junit</artifactId>')
assert pom.contains('<artifactId>lasti-http</artifactId>') : 'App serves HTTP, so the project depends on lasti-http'
return true
