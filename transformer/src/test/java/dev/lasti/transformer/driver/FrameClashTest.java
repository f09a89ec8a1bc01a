package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver never lets a generated frame class replace a class file it did not write. */
class FrameClashTest {
    @TempDir
    Path root;

    @Test
    void refusesToReplaceAUserClassNamedLikeTheFrameClass_andWritesNothingOfTheOwner() throws Exception {
        Path owner = Fixtures.writeClass(root, "a/AsyncA");
        Path users = Fixtures.writeClass(root, "a/AsyncA$run$Frame"); // the user's own class of that name
        byte[] ownerBefore = Files.readAllBytes(owner);
        byte[] usersBefore = Files.readAllBytes(users);

        DriverSummary summary = new DirectoryDriver(new FakeTransformer(), DriverOptions.defaults()).run(List.of(root));

        assertEquals(1, summary.failed());
        assertEquals(1, summary.unchanged(), "the user's class, which has no @Async");
        Diagnostic d = summary.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertTrue(d.message().contains("a.AsyncA.run") && d.message().contains("a.AsyncA$run$Frame")
                && d.message().contains("lasti did not write it"), d.message());
        assertTrue(d.hint().startsWith("rename the class a.AsyncA$run$Frame or the method a.AsyncA.run"), d.hint());
        assertArrayEquals(usersBefore, Files.readAllBytes(users));
        assertArrayEquals(ownerBefore, Files.readAllBytes(owner));
    }

    @Test
    void replacesItsOwnFrameClassFromAnEarlierRun_evenWithoutAStateFile() throws Exception {
        Fixtures.writeClass(root, "a/AsyncA");
        new DirectoryDriver(new FakeTransformer(), DriverOptions.defaults()).run(List.of(root));
        Fixtures.writeClass(root, "a/AsyncA"); // javac wrote the owner again

        DriverSummary second = new DirectoryDriver(new FakeTransformer(), DriverOptions.defaults()).run(List.of(root));

        assertEquals(List.of(), second.diagnostics());
        assertEquals(1, second.transformed());
        assertEquals(1, second.frameClassesFound());
    }

    @Test
    void refusesAFrameNameProducedTwiceInOneRun() throws Exception {
        Fixtures.writeClass(root, "a/One");
        Fixtures.writeClass(root, "a/Two");
        ClassTransformer sameFrame = (bytes, origin) -> new TransformResult.Transformed(bytes,
                Map.of("a/Shared$Frame", Fixtures.frameClass("a/Shared$Frame", "a/One")), List.of());

        DriverSummary summary = new DirectoryDriver(sameFrame, DriverOptions.defaults().withParallelism(1))
                .run(List.of(root));

        assertEquals(1, summary.transformed());
        assertEquals(1, summary.failed());
        assertTrue(summary.diagnostics().get(0).message().contains("two generated frame classes are both called"
                + " a.Shared$Frame"), summary.diagnostics().toString());
    }

    @Test
    void namesTheSourceFileAndLineOfTheAsyncMethod_withTheRealTransformer() throws Exception {
        String source = """
                package clash;

                import static dev.lasti.Await.await;

                import dev.lasti.Async;
                import dev.lasti.EventLoop;
                import dev.lasti.Future;

                public class Clash {
                    @Async
                    Future<Integer> m() {
                        await(EventLoop.yieldNow());
                        return Future.completed(1);
                    }
                }
                """;
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("clash.Clash", source));
        TransformResult.Transformed t = (TransformResult.Transformed) ClassTransformer.create()
                .transform(compiled.get("clash/Clash"), "Clash.class");
        String frameName = t.frameClasses().keySet().iterator().next(); // whatever the naming scheme is
        Files.createDirectories(root.resolve("clash"));
        Files.write(root.resolve("clash/Clash.class"), compiled.get("clash/Clash"));
        Path users = root.resolve(frameName + ".class");
        Files.write(users, Fixtures.emptyClass(frameName));

        DriverSummary summary = new DirectoryDriver(ClassTransformer.create(),
                PackagePrivateVerifyTest.verifying()).run(List.of(root));

        assertTrue(summary.hasErrors());
        Diagnostic d = summary.diagnostics().get(0);
        assertEquals("Clash.java", d.sourceFile());
        assertEquals(12, d.line(), "the first line of m's body");
        String formatted = new SourcePaths(root, List.of()).format(d);
        assertTrue(formatted.startsWith("clash/Clash.java:12: error: the frame class lasti generates for @Async"
                + " method clash.Clash.m is called " + frameName.replace('/', '.')), formatted);
        assertFalse(Files.exists(root.resolve("clash/Clash.class.tmp")));
        assertArrayEquals(Fixtures.emptyClass(frameName), Files.readAllBytes(users));
    }
}
