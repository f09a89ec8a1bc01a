package dev.lasti.bench.corpus;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that the transformed corpus loads, verifies and computes what its plain twins compute: for every
 * k-th class listed in {@code async-classes.txt}, runs {@code entry()} on an event loop and compares it with
 * {@code entryPlain()}. Loading the classes runs the JVM's own verifier over them and their frame classes.
 *
 * <pre>java -cp lasti-benchmarks.jar dev.lasti.bench.corpus.CorpusCheck CLASSES_DIR LIST_FILE COUNT</pre>
 *
 * Prints {@code RESULT transformer/corpus-check-failures N}; exits 1 if any class failed.
 */
public final class CorpusCheck {
    private CorpusCheck() {}

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        List<String> names = Files.readAllLines(Path.of(args[1]));
        int count = Math.min(Integer.parseInt(args[2]), names.size());
        int step = Math.max(1, names.size() / Math.max(1, count));
        int checked = 0;
        int failed = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                CorpusCheck.class.getClassLoader())) {
            for (int i = 0; i < names.size() && checked < count; i += step, checked++) {
                String name = names.get(i);
                try {
                    Class<?> c = Class.forName(name, true, loader);
                    Method entry = c.getMethod("entry");
                    long expected = (Long) c.getMethod("entryPlain").invoke(null);
                    long got = EventLoop.run(() -> call(entry));
                    if (got != expected) {
                        failed++;
                        System.err.println(name + ": entry() = " + got + ", entryPlain() = " + expected);
                    }
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    failed++;
                    System.err.println(name + ": " + e);
                }
            }
        }
        System.out.println("checked " + checked + " transformed classes against their plain twins, " + failed
                + " failed");
        System.out.println("RESULT transformer/corpus-check-failures " + failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    @SuppressWarnings("unchecked")
    private static Future<Long> call(Method entry) {
        try {
            return (Future<Long>) entry.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
