package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary line's numbers agree with each other and with the folder, with the real transformer: every
 * class file javac wrote is counted once, generated frame classes never, and every rewritten method (also one
 * that never awaits, and an async lambda) once.
 */
class SummaryCountsTest {
    private static final String ORDERS = """
            package sc;

            import static dev.lasti.Await.await;

            import dev.lasti.Async;
            import dev.lasti.EventLoop;
            import dev.lasti.Future;
            import java.util.function.Supplier;

            public class Orders {
                @Async
                Future<Integer> awaits() {
                    await(EventLoop.yieldNow());
                    return Future.completed(1);
                }

                @Async
                Future<Integer> neverAwaits() {
                    return Future.completed(2);
                }

                Supplier<Future<Integer>> lambda() {
                    return () -> {
                        await(EventLoop.yieldNow());
                        return Future.completed(3);
                    };
                }
            }
            """;
    private static final String PLAIN = "package sc; public class Plain { int x() { return new Orders().hashCode(); } }";

    @TempDir
    Path main;

    @TempDir
    Path tests;

    private DriverSummary run(Path root, DriverOptions options) throws DriverException {
        return new DirectoryDriver(ClassTransformer.create(), options).run(List.of(root));
    }

    private static void write(Path root, Map<String, byte[]> classes) throws Exception {
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = root.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    private static String stable(DriverSummary s) {
        return s.describe().replaceAll("in \\d+ ms", "in 0 ms");
    }

    @Test
    void countsAMethodThatNeverAwaits_andAnAsyncLambda_asRewrittenMethods() throws Exception {
        write(main, InMemoryCompiler.compile(Map.of("sc.Orders", ORDERS, "sc.Plain", PLAIN)));

        DriverSummary s = run(main, PackagePrivateVerifyTest.verifying());

        assertEquals("transformed 1 class (3 methods), 0 already transformed, 1 without @Async, in 0 ms", stable(s));
        assertEquals(2, s.frameClassesWritten(), "awaits and the lambda suspend; neverAwaits needs no frame");
        assertEquals(List.of("awaits", "lambda$lambda$0", "neverAwaits"),
                s.methods().stream().map(TransformedMethod::method).toList());
        assertEquals(Optional.empty(), s.methods().get(2).frameClass());
        assertEquals(" (no frame: never awaits)", s.methods().get(2).describe().replace("sc.Orders.neverAwaits", ""));
    }

    @Test
    void countsNoFrameClassAsAClass_onAReRunOverTransformedOutputWithoutState() throws Exception {
        write(main, InMemoryCompiler.compile(Map.of("sc.Orders", ORDERS, "sc.Plain", PLAIN)));
        run(main, DriverOptions.defaults());

        DriverSummary again = run(main, DriverOptions.defaults());

        assertEquals("transformed 0 classes, 1 already transformed, 1 without @Async, in 0 ms", stable(again));
        assertEquals(2, again.frameClassesFound());
        assertEquals(2, again.total());
    }

    @Test
    void countsNoFrameClassAsUpToDate_onAnIncrementalRebuild() throws Exception {
        write(main, InMemoryCompiler.compile(Map.of("sc.Orders", ORDERS, "sc.Plain", PLAIN)));
        DriverOptions options = DriverOptions.defaults().withStateFile(tests.resolve("t.state"));
        run(main, options);

        DriverSummary unchanged = run(main, options);
        write(main, Map.of("sc/Orders", InMemoryCompiler.compile(Map.of("sc.Orders", ORDERS)).get("sc/Orders")));
        DriverSummary oneRecompiled = run(main, options);

        assertEquals("nothing to transform, all 2 classes up to date", unchanged.describe());
        assertEquals("transformed 1 class (3 methods), 0 already transformed, 0 without @Async, 1 up to date,"
                + " in 0 ms", stable(oneRecompiled));
        assertEquals(2, oneRecompiled.frameClassesWritten());
        assertEquals(2, oneRecompiled.frameClassesFound());
    }

    @Test
    void countsOnlyTheTestClasses_forTheTestClassesFolder() throws Exception {
        write(main, InMemoryCompiler.compile(Map.of("sc.Orders", ORDERS, "sc.Plain", PLAIN)));
        run(main, DriverOptions.defaults());
        String test = "package sc; class OrdersTest { Object o = new Orders(); }";
        write(tests, Map.of("sc/OrdersTest",
                InMemoryCompiler.compile(Map.of("sc.OrdersTest", test, "sc.Orders", ORDERS)).get("sc/OrdersTest")));

        DriverSummary s = run(tests, PackagePrivateVerifyTest.verifying()
                .withClasspath(List.of(main, PackagePrivateVerifyTest.verifying().classpath().get(0))));

        assertEquals("transformed 0 classes, 0 already transformed, 1 without @Async, in 0 ms", stable(s));
        assertEquals(0, s.frameClassesFound());
    }

    @Test
    void countsAFailedClassOnce_andItsErrorsSeparately() throws Exception {
        String bad = """
                package sc;
                import static dev.lasti.Await.await;
                import dev.lasti.EventLoop;
                class Bad {
                    void a() { await(EventLoop.yieldNow()); }
                    void b() { await(EventLoop.yieldNow()); }
                }
                """;
        write(main, InMemoryCompiler.compile(Map.of("sc.Orders", ORDERS, "sc.Bad", bad)));

        DriverSummary s = run(main, DriverOptions.defaults());

        assertEquals("2 errors in 1 class (left untransformed), transformed 1 class (3 methods), 0 already"
                + " transformed, 0 without @Async, in 0 ms", stable(s));
        assertTrue(s.total() == 2 && s.failed() == 1);
    }
}
