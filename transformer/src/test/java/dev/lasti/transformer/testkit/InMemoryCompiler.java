package dev.lasti.transformer.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the JDK's javac, against the test class path (runtime and testkit),
 * for tests that generate programs: {@code TransformingClassLoader.transformAll(InMemoryCompiler.compile(...))}.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /**
     * @param sources source text by binary class name, e.g. {@code gen.P1}
     * @return class bytes by internal name (nested and lambda-bearing classes included)
     * @throws IllegalArgumentException with javac's messages if compilation fails
     */
    public static Map<String, byte[]> compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return outputs.computeIfAbsent(className.replace('.', '/'), k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-g", "-classpath", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
        if (!ok) {
            throw new IllegalArgumentException("javac failed: " + diagnostics.getDiagnostics());
        }
        Map<String, byte[]> out = new TreeMap<>();
        outputs.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
        return out;
    }

}
