package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real transformer and the verifier over a package whose rewritten classes share package-private types,
 * fields, methods and constructors with classes that stay as javac wrote them, in both directions. The sources
 * are the plugin IT's ({@code maven-plugin/src/it/package-private}), so the driver and the real plugin are
 * checked on the same code. A verifier that splits the package over two class loaders rejects this valid code.
 */
class PackagePrivateVerifyTest {
    /** The plugin IT's sources; the tests run in the transformer module's folder, beside maven-plugin. */
    private static final Path IT_SOURCES = Path.of("../maven-plugin/src/it/package-private/src/main/java/pp");
    private static final List<String> SOURCES = List.of("Shapes", "Helper", "Counter", "Job", "Worker", "Greeting",
            "Polite", "Caller", "Target");

    @TempDir
    Path root;

    @Test
    void verifiesAndRunsEveryPackagePrivateShape_inOneRun() throws Exception {
        compileInto(root);

        DriverSummary summary = verifyingDriver().run(List.of(root));

        assertFalse(summary.hasErrors(), summary.diagnostics().toString());
        assertEquals(List.of(), summary.diagnostics());
        assertEquals(8, summary.transformed(), summary.describe());
        assertEquals("anon,8,7,12,24,300,hi polite,42", runAll(root));
    }

    @Test
    void verifiesARecompiledClass_whoseNeighboursWereTransformedInAnEarlierRun() throws Exception {
        compileInto(root);
        DriverOptions options = verifying().withStateFile(root.resolve("t.state"));
        new DirectoryDriver(ClassTransformer.create(), options).run(List.of(root));
        Map<String, byte[]> fresh = compile();
        Files.write(root.resolve("pp/Shapes$1.class"), fresh.get("pp/Shapes$1")); // javac ran again for one file

        DriverSummary second = new DirectoryDriver(ClassTransformer.create(), options).run(List.of(root));

        assertEquals(List.of(), second.diagnostics());
        assertEquals(1, second.transformed(), second.describe());
        assertEquals("anon,8,7,12,24,300,hi polite,42", runAll(root));
    }

    private static DirectoryDriver verifyingDriver() {
        return new DirectoryDriver(ClassTransformer.create(), verifying());
    }

    /** Verification on, with the runtime (where the generated code's supertypes live) as the classpath. */
    static DriverOptions verifying() {
        try {
            Path runtime = Path.of(dev.lasti.Future.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return DriverOptions.defaults().withVerification(DriverOptions.Verification.ON)
                    .withClasspath(List.of(runtime));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> compile() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : SOURCES) {
            sources.put("pp." + name, Files.readString(IT_SOURCES.resolve(name + ".java"), StandardCharsets.UTF_8));
        }
        return InMemoryCompiler.compile(sources);
    }

    static void compileInto(Path root) throws IOException {
        for (Map.Entry<String, byte[]> e : compile().entrySet()) {
            Path file = root.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    private static String runAll(Path root) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                PackagePrivateVerifyTest.class.getClassLoader())) {
            return (String) loader.loadClass("pp.Shapes").getMethod("runAll").invoke(null);
        }
    }
}
