package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime is a real module, {@code dev.lasti}, and a transformed class in a user's own module runs against
 * it on the module path: its frame class (in the user's package) reaches the exported ABI package.
 */
class ModulePathTest {
    private static final String MAIN = """
            package app;
            import static dev.lasti.Await.await;
            import dev.lasti.Async;
            import dev.lasti.EventLoop;
            import dev.lasti.Future;
            public class Main {
                @Async
                static Future<String> greet(String who) {
                    await(EventLoop.yieldNow()); // really suspends: allocates the frame, checks its format
                    return Future.completed("hello " + who + " from " + Main.class.getModule().getName());
                }
                public static void main(String[] args) {
                    System.out.println(EventLoop.run(() -> greet("modules")));
                }
            }
            """;

    @TempDir
    Path dir;

    private static Path runtimeLocation() throws Exception {
        return Path.of(dev.lasti.Future.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theRuntimeIsTheModuleDevLasti_exportingTheApiAndTheAbiPackage() throws Exception {
        Path runtime = runtimeLocation();
        ModuleDescriptor module = ModuleFinder.of(runtime).find("dev.lasti")
                .orElseThrow(() -> new AssertionError("no module dev.lasti in the runtime at " + runtime
                        + " (built outside the reactor? run with -pl transformer -am)")).descriptor();
        assertFalse(module.isAutomatic(), "a real module-info, not an automatic module");
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertEquals(Set.of("dev.lasti", "dev.lasti.net", "dev.lasti.sync", "dev.lasti.internal"), exported);
        assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        // JDK only: management, Flight Recorder and attach (observability) are JDK modules, nothing else
        Set<String> requires = module.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("java.base", "java.management", "jdk.jfr", "jdk.attach"), requires, "JDK only");
        assertTrue(requires.stream().allMatch(m -> ModuleFinder.ofSystem().find(m).isPresent()), "JDK only");
    }

    @Test
    void aTransformedClassInAUserModule_runsOnTheModulePath() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/app"));
        Files.writeString(dir.resolve("src/module-info.java"), "module app { requires dev.lasti; }\n");
        Files.writeString(src.resolve("Main.java"), MAIN);
        Path classes = dir.resolve("classes");
        String runtime = runtimeLocation().toString();
        ByteArrayOutputStream javacOut = new ByteArrayOutputStream();
        int javac = ToolProvider.getSystemJavaCompiler().run(null, javacOut, javacOut, "--module-path", runtime,
                "-d", classes.toString(), dir.resolve("src/module-info.java").toString(),
                src.resolve("Main.java").toString());
        assertEquals(0, javac, javacOut.toString(StandardCharsets.UTF_8));
        transformInPlace(classes.resolve("app/Main.class"));
        assertTrue(Files.exists(classes.resolve("app/Main$greet$Frame.class")), "the frame class was written");

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", runtime + File.pathSeparator + classes, "-m", "app/app.Main")
                .redirectErrorStream(true).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.exitValue(), output);
        assertEquals("hello modules from app", output.strip());
    }

    private static void transformInPlace(Path classFile) throws IOException {
        TransformResult result = ClassTransformer.create().transform(Files.readAllBytes(classFile),
                classFile.getFileName().toString());
        if (!(result instanceof TransformResult.Transformed t)) {
            throw new AssertionError("expected a transformed class, got " + result);
        }
        Files.write(classFile, t.classBytes());
        for (var frame : t.frameClasses().entrySet()) {
            Path out = classFile.getParent().resolve(frame.getKey().substring(frame.getKey().lastIndexOf('/') + 1)
                    + ".class");
            Files.write(out, frame.getValue());
        }
        try (Stream<Path> files = Files.list(classFile.getParent())) {
            assertEquals(2, files.count(), "Main and its one frame class");
        }
    }
}
