package dev.lasti.transformer.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import dev.lasti.transformer.testkit.Schedule;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import dev.lasti.transformer.driver.DirectoryDriver;
import dev.lasti.transformer.driver.DriverOptions;
import dev.lasti.transformer.driver.DriverSummary;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Frame-class and resume-method names are injective: overloads, {@code $} in names, names that look like
 * generated ones and async lambdas each get their own frame class, and each runs its own body after a real
 * suspension.
 */
class FrameNamesTest {
    private static final String HEADER = """
            package p;
            import static dev.lasti.Await.await;
            import static dev.lasti.transformer.testkit.Schedule.value;
            import dev.lasti.Async;
            import dev.lasti.Future;
            """;

    private static TransformResult.Transformed transform(Map<String, byte[]> compiled, String owner) {
        TransformResult result = ClassTransformer.create().transform(compiled.get(owner), owner + ".class");
        return assertInstanceOf(TransformResult.Transformed.class, result, result::toString);
    }

    private static Set<String> frameNames(TransformResult.Transformed result) {
        return new TreeSet<>(result.frameClasses().keySet());
    }

    /** Runs static {@code name(args)} of {@code p.P} with every await suspending, returns the value as text. */
    private static String run(TransformingClassLoader loader, String name, Class<?>[] types, Object... args)
            throws Exception {
        Method method = loader.loadClass("p.P").getDeclaredMethod(name, types);
        method.setAccessible(true);
        Schedule.Outcome outcome = Schedule.run(new Schedule.Mode.AllSuspend(), () -> {
            try {
                return (Future<?>) method.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(null, outcome.failure(), outcome::toString);
        return outcome.value();
    }

    @Test
    void overloadsAndADollarNameLikeAGeneratedOne_getThreeFrames_andEachRunsItsOwnBody() throws Exception {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("p.P", HEADER + """
                public class P {
                    @Async static Future<String> m() { return Future.completed("m()" + await(value(1))); }
                    @Async static Future<String> m(int x) { return Future.completed("m(int)" + await(value(x))); }
                    @Async static Future<String> m$2() { return Future.completed("m$2()" + await(value(3))); }
                }
                """));
        TransformResult.Transformed result = transform(compiled, "p/P");
        assertEquals(3, result.frameClasses().size(), "one frame class per async method: the summary counts 3");
        assertEquals(Set.of("p/P$m$1$Frame", "p/P$m$2$Frame", "p/P$m$3$Frame"), frameNames(result));
        TransformingClassLoader loader = TransformingClassLoader.transformAll(compiled);
        assertEquals("m()1", run(loader, "m", new Class<?>[0]));
        assertEquals("m(int)7", run(loader, "m", new Class<?>[] {int.class}, 7));
        assertEquals("m$2()3", run(loader, "m$2", new Class<?>[0]));
    }

    @Test
    void overloadsWithWideTypes_keepTheirOwnValuesAcrossASuspension() throws Exception {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("p.P", HEADER + """
                public class P {
                    @Async static Future<String> w(long a) { long r = await(value(1L)); return Future.completed("J" + (a + r)); }
                    @Async static Future<String> w(double a) { double r = await(value(0.5)); return Future.completed("D" + (a + r)); }
                    @Async static Future<String> w(long a, double b) {
                        int r = await(value(2)); return Future.completed("JD" + (a * r + b)); }
                    @Async static Future<String> w(int a) { return Future.completed("I" + (a + await(value(3)))); }
                    @Async static Future<String> single(long a) { return Future.completed("S" + (a + await(value(4L)))); }
                }
                """));
        assertEquals(Set.of("p/P$w$1$Frame", "p/P$w$2$Frame", "p/P$w$3$Frame", "p/P$w$4$Frame", "p/P$single$Frame"),
                frameNames(transform(compiled, "p/P")));
        TransformingClassLoader loader = TransformingClassLoader.transformAll(compiled);
        assertEquals("J" + (Long.MAX_VALUE - 1), run(loader, "w", new Class<?>[] {long.class}, Long.MAX_VALUE - 2));
        assertEquals("D2.0", run(loader, "w", new Class<?>[] {double.class}, 1.5));
        assertEquals("JD" + ((1L << 40) * 2 + 0.25),
                run(loader, "w", new Class<?>[] {long.class, double.class}, 1L << 40, 0.25));
        assertEquals("I10", run(loader, "w", new Class<?>[] {int.class}, 7));
        assertEquals("S9", run(loader, "single", new Class<?>[] {long.class}, 5L));
    }

    @Test
    void asyncLambdas_nextToMethodsNamedLikeThem_andAMethodNamedResume_allKeepTheirBodies() throws Exception {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("p.P", HEADER + """
                import java.util.function.Supplier;
                public class P {
                    @Async static Future<String> lambda$run$0(int x) {
                        return Future.completed("named" + await(value(x))); }
                    @Async static Future<String> lambda$run$0$1() { return Future.completed("named2" + await(value(2))); }
                    @Async static Future<String> run() {
                        Supplier<Future<String>> a = () -> Future.completed("la" + await(value(5)));
                        Supplier<Future<String>> b = () -> Future.completed("lb" + await(value(6)));
                        return Future.completed(await(a.get()) + await(b.get()) + await(lambda$run$0(1))
                                + await(lambda$run$0$1()));
                    }
                    @Async static Future<String> m(int x) { return Future.completed("m" + await(value(x))); }
                    @Async static Future<String> m$resume(int x) { return Future.completed("r" + await(value(x))); }
                }
                """));
        TransformResult.Transformed result = transform(compiled, "p/P");
        ClassNode node = new ClassNode();
        new ClassReader(compiled.get("p/P")).accept(node, 0);
        long asyncMethods = node.methods.stream().filter(m -> m.name.startsWith("lambda$") || m.name.startsWith("m")
                || m.name.equals("run")).count();
        assertEquals(asyncMethods, result.frameClasses().size(), frameNames(result)::toString);
        assertEquals(result.frameClasses().size(), resumeMethods(result).size(), resumeMethods(result)::toString);
        TransformingClassLoader loader = TransformingClassLoader.transformAll(compiled);
        assertEquals("la5lb6named1named22", run(loader, "run", new Class<?>[0]));
        assertEquals("m3", run(loader, "m", new Class<?>[] {int.class}, 3));
        assertEquals("r4", run(loader, "m$resume", new Class<?>[] {int.class}, 4));
    }

    @Test
    void aUserClassNamedLikeAFrame_isNeverTaken_nestedOrTopLevel() throws Exception {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("p.P", HEADER + """
                public class P {
                    static class m$Frame { public String toString() { return "user"; } }
                    static Object m$resume(P$n$Frame f) { return f; }
                    @Async static Future<String> m() { return Future.completed("" + new m$Frame() + await(value(1))); }
                    @Async static Future<String> n() { return Future.completed("n" + await(value(2))); }
                }
                class P$n$Frame {}
                """));
        TransformResult.Transformed result = transform(compiled, "p/P");
        assertEquals(Set.of("p/P$m$2$Frame", "p/P$n$2$Frame"), frameNames(result));
        TransformingClassLoader loader = TransformingClassLoader.transformAll(compiled);
        assertEquals("user1", run(loader, "m", new Class<?>[0]));
        assertEquals("n2", run(loader, "n", new Class<?>[0]));
    }

    @Test
    void anOuterMethodNamedLikeANestedClassesMethod_neverSharesItsFrameName() throws Exception {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("p.P", HEADER + """
                public class P {
                    static class Inner {
                        @Async static Future<String> m() { return Future.completed("inner" + await(value(1))); }
                    }
                    @Async static Future<String> Inner$m() { return Future.completed("outer" + await(value(2))); }
                }
                """));
        assertEquals(Set.of("p/P$$Inner$m$Frame"), frameNames(transform(compiled, "p/P")));
        assertEquals(Set.of("p/P$Inner$m$Frame"), frameNames(transform(compiled, "p/P$Inner")));
        TransformingClassLoader loader = TransformingClassLoader.transformAll(compiled);
        assertEquals("outer2", run(loader, "Inner$m", new Class<?>[0]));
        Method inner = loader.loadClass("p.P$Inner").getDeclaredMethod("m");
        inner.setAccessible(true);
        assertEquals("inner1", Schedule.run(new Schedule.Mode.AllSuspend(), () -> {
            try {
                return (Future<?>) inner.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).value());
    }

    @Test
    void theDriversSummary_countsThreeMethods_andWritesThreeFrameFiles(@TempDir Path root) throws Exception {
        Map<String, byte[]> compiled = InMemoryCompiler.compile(Map.of("p.P", HEADER + """
                public class P {
                    @Async static Future<String> m() { return Future.completed("a" + await(value(1))); }
                    @Async static Future<String> m(int x) { return Future.completed("b" + await(value(x))); }
                    @Async static Future<String> m$2() { return Future.completed("c" + await(value(3))); }
                }
                """));
        Files.createDirectories(root.resolve("p"));
        Files.write(root.resolve("p/P.class"), compiled.get("p/P"));
        DriverSummary summary = new DirectoryDriver(ClassTransformer.create(),
                DriverOptions.defaults().withStateFile(root.resolve("state"))).run(List.of(root));
        assertTrue(summary.describe().startsWith("transformed 1 class (3 methods)"), summary.describe());
        for (String frame : List.of("P$m$1$Frame", "P$m$2$Frame", "P$m$3$Frame")) {
            assertTrue(Files.isRegularFile(root.resolve("p/" + frame + ".class")), frame);
        }
    }

    private static List<String> resumeMethods(TransformResult.Transformed result) {
        ClassNode node = new ClassNode();
        new ClassReader(result.classBytes()).accept(node, 0);
        return node.methods.stream().filter(m -> m.name.contains("$resume") && m.desc.contains("$Frame;)"))
                .map(m -> m.name + m.desc).collect(Collectors.toList());
    }
}
