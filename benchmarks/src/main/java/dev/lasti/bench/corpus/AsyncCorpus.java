package dev.lasti.bench.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a corpus of Java sources for the transformer benchmark: {@code N} classes in packages of 50, a
 * share of them without any {@code @Async} code, the rest each holding a few {@code @Async} methods of varied
 * shape (see {@link MethodWriter}) beside their plain twins, and an {@code entry()} / {@code entryPlain()} pair
 * that runs them all. The same seed gives the same files.
 *
 * <pre>java -cp lasti-benchmarks.jar dev.lasti.bench.corpus.AsyncCorpus OUT_DIR CLASSES [PLAIN_SHARE] [SEED]</pre>
 *
 * <p>Besides the sources, {@code OUT_DIR/async-classes.txt} lists the classes with {@code @Async} code, for
 * {@link CorpusCheck}. The sources compile with {@code javac --release 17 -cp lasti-runtime.jar}.
 */
public final class AsyncCorpus {
    private static final int PER_PACKAGE = 50;

    private AsyncCorpus() {}

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: AsyncCorpus OUT_DIR CLASSES [PLAIN_SHARE (0.3)] [SEED (42)]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int classes = Integer.parseInt(args[1]);
        double plainShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42L;
        Random random = new Random(seed);
        write(dir.resolve("corpus/S.java"), support());
        List<String> asyncClasses = new ArrayList<>();
        int methods = 0;
        for (int c = 0; c < classes; c++) {
            String pkg = "corpus.p" + c / PER_PACKAGE;
            String name = String.format("C%05d", c);
            long classSeed = random.nextLong();
            boolean plain = random.nextDouble() < plainShare;
            int count = 1 + random.nextInt(3);
            String source = plain ? plainClass(pkg, name, classSeed, count) : asyncClass(pkg, name, classSeed, count);
            write(dir.resolve(pkg.replace('.', '/')).resolve(name + ".java"), source);
            if (!plain) {
                asyncClasses.add(pkg + "." + name);
                methods += count + 2; // the methods, the pure one and entry(); lambdas and S.later come on top
            }
        }
        Files.write(dir.resolve("async-classes.txt"), asyncClasses, StandardCharsets.UTF_8);
        System.out.println("corpus: " + classes + " classes (" + asyncClasses.size() + " with @Async, about "
                + methods + " @Async methods) in " + dir);
    }

    private static String asyncClass(String pkg, String name, long seed, int count) {
        StringBuilder sb = new StringBuilder("package " + pkg + ";\n\n")
                .append("import static dev.lasti.Await.await;\n\n")
                .append("import corpus.S;\nimport dev.lasti.Async;\nimport dev.lasti.Future;\n\n")
                .append("/** Generated: @Async methods and their plain twins. */\n")
                .append("public class ").append(name).append(" {\n")
                .append("    int f0 = ").append(seed & 63).append(";\n\n");
        for (Emit e : new Emit[] {new Emit(true), new Emit(false)}) {
            sb.append(methods(e, seed, count));
            sb.append(entry(e, count, name));
        }
        return sb.append("}\n").toString();
    }

    private static String plainClass(String pkg, String name, long seed, int count) {
        return "package " + pkg + ";\n\nimport corpus.S;\n\n/** Generated: no @Async code. */\npublic class " + name
                + " {\n    int f0 = 1;\n\n" + methods(new Emit(false), seed, count) + "}\n";
    }

    /** The class's pure method, then {@code count} methods that may call it and each other. */
    private static String methods(Emit e, long seed, int count) {
        Random random = new Random(seed);
        List<String> callable = new ArrayList<>();
        StringBuilder sb = new StringBuilder(MethodWriter.write(random.nextLong(), e, "pure", true, List.of(), 2));
        callable.add("pure");
        for (int m = 0; m < count; m++) {
            sb.append('\n').append(MethodWriter.write(random.nextLong(), e, "m" + m, false, callable,
                    2 + random.nextInt(2)));
            callable.add("m" + m);
        }
        return sb.append('\n').toString();
    }

    private static String entry(Emit e, int count, String name) {
        StringBuilder sb = new StringBuilder("    public static " + (e.async ? "Future<Long> entry" : "long entryPlain")
                + "() {\n        long sum = 0;\n        var self = new " + name + "();\n");
        for (int m = 0; m < count; m++) {
            sb.append("        sum = sum * 31 + ").append(e.call("self.", "m" + m, m + ", " + m * 3 + "L")).append(";\n");
        }
        sb.append("        ").append(e.ret("sum + self.f0")).append("\n    }\n\n");
        // entry is @Async: Emit's header would name the twin entryP, so the header is written by hand here
        return (e.async ? "    @Async\n" : "") + sb.toString();
    }

    private static String support() {
        return """
                package corpus;

                import static dev.lasti.Await.await;

                import dev.lasti.Async;
                import dev.lasti.EventLoop;
                import dev.lasti.Future;
                import java.util.List;

                /** Generated: the futures the corpus awaits; every other one really suspends. */
                public final class S {
                    private static int calls;

                    private S() {}

                    public static <T> Future<T> v(T value) {
                        return (calls++ & 1) == 0 ? Future.completed(value) : later(value);
                    }

                    @Async
                    static <T> Future<T> later(T value) {
                        await(EventLoop.yieldNow());
                        return Future.completed(value);
                    }

                    public static <T> Future<T> fail(String message) {
                        return (calls++ & 1) == 0 ? Future.failed(new IllegalStateException(message))
                                : laterFail(message);
                    }

                    @Async
                    static <T> Future<T> laterFail(String message) {
                        await(EventLoop.yieldNow());
                        throw new IllegalStateException(message);
                    }

                    public static <T> T raise(String message) {
                        throw new IllegalStateException(message);
                    }

                    public static long mix(int i, long l, double d, String s) {
                        return i * 31L + l * 17 + (long) (d * 3) + s.length();
                    }

                    public static long sum(List<Long> values) {
                        long s = 0;
                        for (long v : values) {
                            s = s * 7 + v;
                        }
                        return s;
                    }
                }
                """;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
