package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the real transformer: frame classes of a renamed or removed {@code @Async} method do not linger. */
class StaleFramesTest {
    private static final String HEADER = "package p;\n"
            + "import dev.lasti.Async; import dev.lasti.Future; import static dev.lasti.Await.await;\n";

    @TempDir
    Path root;

    @TempDir
    Path stateDir;

    private static String owner(String method, boolean withAsync) {
        String async = withAsync
                ? "@Async static Future<Integer> " + method + "(Future<Integer> f) {"
                        + " return Future.completed(await(f) + 1); }\n"
                : "static int plain() { return 1; }\n";
        return HEADER + "public class A {\n" + async
                + "  static class Inner { @Async static Future<Integer> k(Future<Integer> f) {"
                + " return Future.completed(await(f)); } }\n}\n";
    }

    /** Compiles, writes the class files (as javac would, newer each time) and runs the driver. */
    private void build(String source) throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(Map.of("p.A", source));
        for (Path old : List.of(root.resolve("p/A.class"), root.resolve("p/A$Inner.class"))) {
            Files.deleteIfExists(old);
        }
        long stamp = System.currentTimeMillis() + 1000L * (long) Files.list(stateDir).count();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = root.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
            Files.setLastModifiedTime(file, FileTime.fromMillis(stamp));
        }
        DriverOptions options = DriverOptions.defaults().withStateFile(stateDir.resolve("transform.state"));
        new DirectoryDriver(ClassTransformer.create(), options).run(List.of(root));
    }

    @Test
    void removesTheOldFrameClass_whenTheAsyncMethodIsRenamed() throws Exception {
        build(owner("m", true));
        assertTrue(Files.exists(root.resolve("p/A$m$Frame.class")));
        build(owner("n", true));
        assertTrue(Files.exists(root.resolve("p/A$n$Frame.class")));
        assertFalse(Files.exists(root.resolve("p/A$m$Frame.class")), "the frame of the renamed method is gone");
        assertTrue(Files.exists(root.resolve("p/A$Inner$k$Frame.class")),
                "a nested class's frame matches the owner's file pattern but is not the owner's");
    }

    @Test
    void removesTheFrameClass_whenTheOwnerLosesItsLastAsyncMethod() throws Exception {
        build(owner("m", true));
        build(owner("m", false));
        assertFalse(Files.exists(root.resolve("p/A$m$Frame.class")));
        assertTrue(Files.exists(root.resolve("p/A$Inner$k$Frame.class")));
    }

    @Test
    void removesTheUnnumberedFrame_whenAnOverloadIsAdded_andTheNumberedOnesWhenItGoes() throws Exception {
        build(owner("m", true));
        String overload = "  @Async static Future<Integer> m(int x, Future<Integer> f) {"
                + " return Future.completed(await(f) + x); }\n";
        build(owner("m", true).replace("public class A {\n", "public class A {\n" + overload));
        assertFalse(Files.exists(root.resolve("p/A$m$Frame.class")), "m is overloaded now: its frames are numbered");
        assertTrue(Files.exists(root.resolve("p/A$m$1$Frame.class")));
        assertTrue(Files.exists(root.resolve("p/A$m$2$Frame.class")));
        build(owner("m", true));
        assertTrue(Files.exists(root.resolve("p/A$m$Frame.class")));
        assertFalse(Files.exists(root.resolve("p/A$m$1$Frame.class")));
        assertFalse(Files.exists(root.resolve("p/A$m$2$Frame.class")));
    }
}
