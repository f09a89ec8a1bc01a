package dev.lasti.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lasti.agent.fixture.Greeter;
import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent jar in child JVMs, the way a user runs it: {@code java -javaagent:lasti-agent.jar -cp
 * ... Main}, with no {@code --add-opens}. Runs after {@code package} (the {@code agent-jar} execution in
 * the POM). The fixtures' classes are copied out of {@code test-classes} untransformed: the plugin package
 * into a folder of its own, which only a {@code URLClassLoader} in the child sees.
 */
class AgentJarIT {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final String FIXTURE = "dev/lasti/agent/fixture";

    @TempDir
    Path work;
    private Path app;
    private Path plugin;

    @BeforeEach
    void copyFixtures() throws IOException {
        assumeTrue(System.getProperty("lasti.agent.jar") != null,
                "runs in the POM's agent-jar execution, after package has built the jar");
        Path classes = Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        app = work.resolve("app");
        plugin = work.resolve("plugin");
        copy(classes.resolve(FIXTURE), app.resolve(FIXTURE));
        copy(classes.resolve(FIXTURE + "/plugin"), plugin.resolve(FIXTURE + "/plugin"));
    }

    @Test
    void onJdk17() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        assumeTrue(Runtime.version().feature() == 17, "the build's test JVM is not JDK 17 but " + Runtime.version());
        everyScenario(home);
    }

    @Test
    void onJdk25() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        everyScenario(JDK25);
    }

    private void everyScenario(Path home) throws Exception {
        Run greet = run(home, List.of(agent("verbose")), "greet");
        greet.assertOk();
        assertEquals(List.of("Hello, WORLD / 42", "frame beside owner: true"), greet.stdoutLines());
        assertTrue(greet.stderr().contains("lasti agent: rewrote dev.lasti.agent.fixture.Greeter (3 frame classes)"),
                greet.stderr());
        assertFalse(greet.stderr().contains("WARNING"), "no JVM warnings without --add-opens: " + greet.stderr());

        Run plugged = run(home, List.of(agent(null)), "plugin", plugin.toString());
        plugged.assertOk();
        assertEquals(List.of("plugin ran in URLClassLoader", "frame in plugin loader: true"), plugged.stdoutLines());
        assertEquals("", plugged.stderr());

        Run misuse = run(home, List.of(agent(null)), "misuse");
        misuse.assertOk();
        String error = "dev/lasti/agent/fixture/Misused.java:" + LoadTimeTransformerTest.misuseLine()
                + ": error: await inside a synchronized block in Misused.load()";
        assertTrue(misuse.stderr().contains(error), misuse.stderr());
        assertTrue(misuse.stdout().startsWith("refused: java.lang.LinkageError: " + error), misuse.stdout());
    }

    @Test
    void aNamedModuleOnTheModulePathGetsItsFrameInTheSameModule() throws Exception {
        Path runtimeJar = runtimeJar();
        Path src = work.resolve("module-src");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("module-info.java"), "module demo { requires dev.lasti; }\n");
        Files.writeString(src.resolve("demo/Main.java"), String.join("\n",
                "package demo;",
                "import static dev.lasti.Await.await;",
                "import dev.lasti.*;",
                "public class Main {",
                "    @Async static Future<String> hi() {",
                "        await(EventLoop.sleep(java.time.Duration.ofMillis(5)));",
                "        return Future.completed(\"hi from \" + Main.class.getModule().getName());",
                "    }",
                "    public static void main(String[] args) throws Exception {",
                "        System.out.println(EventLoop.run(Main::hi));",
                "        Class<?> f = Class.forName(\"demo.Main$hi$Frame\", false, Main.class.getClassLoader());",
                "        System.out.println(\"frame in module \" + f.getModule().getName());",
                "    }",
                "}", ""));
        Path modules = work.resolve("modules");
        int javac = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "--module-path",
                runtimeJar.toString(), "-d", modules.resolve("demo").toString(),
                src.resolve("module-info.java").toString(), src.resolve("demo/Main.java").toString());
        assertEquals(0, javac);

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin/java").toString(), agent(null),
                "--module-path", modules + java.io.File.pathSeparator + runtimeJar, "-m", "demo/demo.Main");
        Run run = run(command);
        run.assertOk();
        assertEquals(List.of("hi from demo", "frame in module demo"), run.stdoutLines());
    }

    /** The runtime as a jar (a folder without module-info cannot sit on the module path). */
    private static Path runtimeJar() throws IOException {
        Path target = LoadTimeTransformerTest.moduleDir().resolve("../runtime/target");
        String name = "lasti-runtime-" + System.getProperty("project.version") + ".jar";
        assumeTrue(Files.isRegularFile(target.resolve(name)), "no " + name + " in " + target + " (build the"
                + " reactor with -am)");
        return target.resolve(name);
    }

    @Test
    void withoutTheAgentTheErrorNamesTheAgentFlag() throws Exception {
        Run plain = run(Path.of(System.getProperty("java.home")), List.of(), "greet");
        assertNotEquals(0, plain.exit());
        assertTrue(plain.stderr().contains("which lasti did not transform"), plain.stderr());
        assertTrue(plain.stderr().contains("-javaagent:/path/to/lasti-agent-<version>.jar"), plain.stderr());
    }

    @Test
    void classesTransformedAtBuildTimeRunAsTheyAreUnderTheAgent() throws Exception {
        Path owner = app.resolve(FIXTURE).resolve("Greeter.class");
        TransformResult.Transformed t = (TransformResult.Transformed) ClassTransformer.create()
                .transform(Files.readAllBytes(owner), owner.toString());
        Files.write(owner, t.classBytes());
        for (Map.Entry<String, byte[]> frame : t.frameClasses().entrySet()) {
            Files.write(app.resolve(frame.getKey() + ".class"), frame.getValue());
        }

        Run mixed = run(Path.of(System.getProperty("java.home")), List.of(agent("verbose")), "greet");
        mixed.assertOk();
        assertEquals(List.of("Hello, WORLD / 42", "frame beside owner: true"), mixed.stdoutLines());
        assertTrue(mixed.stderr().contains("dev.lasti.agent.fixture.Greeter was transformed at build time"),
                mixed.stderr());
        assertFalse(mixed.stderr().contains("rewrote dev.lasti.agent.fixture.Greeter "), mixed.stderr());
    }

    @Test
    void anUnknownOptionStopsTheJvmBeforeMain() throws Exception {
        Run bad = run(Path.of(System.getProperty("java.home")), List.of(agent("fast")), "plain");
        assertNotEquals(0, bad.exit());
        assertTrue(bad.stderr().contains("lasti agent: unknown option 'fast'"), bad.stderr());
        assertFalse(bad.stdout().contains("plain"), bad.stdout());
    }

    @Test
    void theJarIsSelfContainedAndKeepsEveryClassUnderTheAgentsPackage() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("lasti.agent.jar"))) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals(LastiAgent.class.getName(), main.getValue("Premain-Class"));
            assertEquals(LastiAgent.class.getName(), main.getValue("Agent-Class"));
            assertEquals("false", main.getValue("Can-Redefine-Classes"));
            List<String> classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
            // the transformer and ASM ride along, relocated: no other copy on a class path can stand in for them
            assertTrue(classes.contains("dev/lasti/agent/shaded/transformer/internal/AsyncClassTransformer.class"));
            assertTrue(classes.contains("dev/lasti/agent/shaded/asm/tree/analysis/Analyzer.class"));
            assertEquals(List.of(), classes.stream().filter(n -> !n.startsWith("dev/lasti/agent/")).toList());
        }
    }

    private static String agent(String options) {
        Path jar = Path.of(System.getProperty("lasti.agent.jar"));
        assertTrue(Files.isRegularFile(jar), "no agent jar at " + jar);
        return "-javaagent:" + jar + (options != null ? "=" + options : "");
    }

    private Run run(List<String> command) throws Exception {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Run(String.join(" ", command), exit, Files.readString(out), Files.readString(err));
    }

    private Run run(Path javaHome, List<String> jvmFlags, String... args) throws Exception {
        Path runtime = Path.of(dev.lasti.Future.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", app + java.io.File.pathSeparator + runtime,
                "dev.lasti.agent.fixture.AgentMain"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** One child JVM's outcome. */
    private record Run(String command, int exit, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        void assertOk() {
            assertEquals(0, exit, command + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
    }

    /** Copies the class files directly in {@code from} (not its subfolders) into {@code to}. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
