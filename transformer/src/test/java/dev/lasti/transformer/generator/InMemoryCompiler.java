package dev.lasti.transformer.generator;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's javac, in memory, against the runtime and the test classes
 * ({@link Sched}, {@link GenException}). One call compiles many units, which is far cheaper than one javac
 * run per program.
 */
final class InMemoryCompiler {
    /** A compilation unit: its qualified class name and source. */
    record Source(String className, String code) {}

    /** Thrown when javac rejects generated code: a generator bug, reported with javac's messages. */
    static final class CompileError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompileError(String message) {
            super(message);
        }
    }

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final String classpath = classpathOf(dev.lasti.Future.class) + File.pathSeparator + classpathOf(Sched.class);

    /** Compiles {@code sources}; returns every class file by binary name, e.g. {@code gen.P7$Pair}. */
    Map<String, byte[]> compile(List<Source> sources) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        for (Source s : sources) {
            units.add(new SimpleJavaFileObject(URI.create("mem:///" + s.className().replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.code();
                }
            });
        }
        // -g: the transformer must keep line numbers and local names, so give it the full debug info.
        List<String> options = List.of("-g", "-proc:none", "-Xlint:none", "-nowarn", "--release", "17",
                "-classpath", classpath);
        boolean ok;
        try {
            ok = javac.getTask(null, manager, diagnostics, options, null, units).call();
        } catch (RuntimeException crash) {
            // javac's own assertion errors arrive wrapped in a RuntimeException from call().
            throw new CompileError("javac crashed: " + crash.getCause());
        }
        if (!ok) {
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .limit(20)
                    .map(Object::toString)
                    .collect(Collectors.joining("\n"));
            throw new CompileError(errors.isEmpty() ? "javac failed without a diagnostic: an internal javac error,"
                    + " printed to stderr (\"An exception has occurred in the compiler\")" : errors);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static String classpathOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c, e);
        }
    }
}
