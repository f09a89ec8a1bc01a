package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Modern class files: generated programs and the Java 21+ fixtures ({@link ModernFixtures}), compiled by JDK
 * 25's javac with {@code --release 21} and {@code --release 25}, then transformed, verified and run on JDK 25
 * ({@link Jdk25Main} in a child process) against their twins. The library keeps {@code --release 17} and
 * this module's tests run on JDK 17, hence the child processes.
 *
 * <p>JDK 25 is looked for at {@code -Dlasti.jdk25.home} (default {@value #DEFAULT_HOME}). If it is absent the
 * test fails; {@code -Dlasti.jdk25.optOut=true} skips it, saying so.
 */
class ModernClassFilesTest {
    static final String DEFAULT_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    /** Generated programs per release: one javac batch, a few seconds of runs. */
    private static final int PROGRAMS = 50;
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void release21_programsAndFixtures_compiledByJdk25_behaveLikeTheirTwinsOnJdk25() throws Exception {
        check(21, List.of("J21"));
    }

    @Test
    void release25_programsAndFixtures_compiledByJdk25_behaveLikeTheirTwinsOnJdk25() throws Exception {
        check(25, List.of("J21", "J25"));
    }

    private static void check(int release, List<String> fixtures) throws Exception {
        Path jdk = jdk25();
        Path work = Path.of("target", "jdk25", "release" + release).toAbsolutePath();
        Path src = work.resolve("src");
        Path out = work.resolve("classes");
        deleteTree(work);
        Files.createDirectories(src.resolve("gen"));
        Files.createDirectories(out);
        List<String> javac = new ArrayList<>(List.of(jdk.resolve("bin/javac").toString(), "-g", "-proc:none",
                "-Xlint:none", "-nowarn", "--release", Integer.toString(release), "-d", out.toString(), "-cp",
                locations(dev.lasti.Future.class, Sched.class)));
        ProgramGenerator generator = new ProgramGenerator(Shape.allExcept(""));
        for (long seed = 0; seed < PROGRAMS; seed++) {
            ProgramGenerator.Program p = generator.generate(seed);
            javac.add(write(src, p.className(), ProgramWriter.render(p)).toString());
        }
        for (String f : fixtures) {
            javac.add(write(src, f, ModernFixtures.render(f, f).source()).toString());
        }
        Result compiled = exec(javac, work.resolve("javac.log"));
        assertEquals(0, compiled.exit(), "JDK 25's javac --release " + release + " rejected the sources:\n" + compiled.output());
        List<String> java = new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-cp",
                locations(dev.lasti.Future.class, Sched.class, dev.lasti.transformer.ClassTransformer.class,
                        org.objectweb.asm.ClassReader.class, org.objectweb.asm.tree.ClassNode.class,
                        org.objectweb.asm.tree.analysis.Analyzer.class, org.objectweb.asm.util.Printer.class),
                Jdk25Main.class.getName(), out.toString(), src.resolve("gen").toString(),
                work.resolve("failures").toString(), "0", Integer.toString(PROGRAMS)));
        java.addAll(fixtures);
        Result run = exec(java, work.resolve("java.log"));
        System.out.println(run.output().strip());
        assertEquals(0, run.exit(), "on JDK 25 (release " + release + "):\n" + run.output());
        int major = 44 + release;
        assertTrue(run.output().contains("class file versions [" + major + "]"), "expected only class file version "
                + major + " (Java " + release + "):\n" + run.output());
        assertTrue(run.output().contains(" 0 findings"), run.output());
    }

    /** JDK 25's home, or a failure that says how to get it or opt out; never a silent skip. */
    static Path jdk25() {
        if (Boolean.getBoolean("lasti.jdk25.optOut")) {
            Assumptions.abort("JDK 25 part opted out with -Dlasti.jdk25.optOut=true: class files of Java 21 and 25"
                    + " are NOT checked in this build");
        }
        Path home = Path.of(System.getProperty("lasti.jdk25.home", DEFAULT_HOME));
        if (!Files.isExecutable(home.resolve("bin/javac")) || !Files.isExecutable(home.resolve("bin/java"))) {
            fail("JDK 25 not found at " + home + " (no bin/javac or bin/java): install JDK 25 there, point"
                    + " -Dlasti.jdk25.home at one, or opt out explicitly with -Dlasti.jdk25.optOut=true");
        }
        return home;
    }

    private record Result(int exit, String output) {}

    private static Result exec(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("no result after " + TIMEOUT_MINUTES + " min: " + String.join(" ", command.subList(0, 3)) + " ...");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static Path write(Path src, String className, String source) throws IOException {
        return Files.writeString(src.resolve("gen").resolve(className + ".java"), source);
    }

    private static String locations(Class<?>... classes) throws URISyntaxException {
        List<String> out = new ArrayList<>();
        for (Class<?> c : classes) {
            String path = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            if (!out.contains(path)) {
                out.add(path);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
    }
}
