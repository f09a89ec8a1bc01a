package dev.lasti.transformer.generator;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Transforms the compiled classes of one program. Unlike the testkit's {@code TransformingClassLoader}, a
 * {@link TransformResult.Failed} here is a finding about one seed, not an error that ends the whole run,
 * and names are binary names (dots) as javac's file manager reports them.
 */
final class ProgramTransformer {
    /**
     * The transformed classes by binary name, frame classes included, or the transformer's error.
     *
     * @param frameClasses how many frame classes the transformer added
     */
    record Result(Map<String, byte[]> classes, int frameClasses, String error) {}

    private final ClassTransformer transformer = ClassTransformer.create();

    Result transform(Map<String, byte[]> compiled) {
        Map<String, byte[]> out = new TreeMap<>();
        StringBuilder errors = new StringBuilder();
        int frames = 0;
        for (Map.Entry<String, byte[]> e : compiled.entrySet()) {
            TransformResult r;
            try {
                r = transformer.transform(e.getValue(), e.getKey().replace('.', '/') + ".class");
            } catch (RuntimeException crash) {
                // A crash is a transformer bug as much as a Failed result; keep the stack for the report.
                errors.append("transformer crashed on ").append(e.getKey()).append(": ").append(stack(crash));
                continue;
            }
            if (r instanceof TransformResult.Transformed t) {
                out.put(e.getKey(), t.classBytes());
                frames += t.frameClasses().size();
                t.frameClasses().forEach((name, bytes) -> out.put(name.replace('/', '.'), bytes));
            } else if (r instanceof TransformResult.Failed f) {
                errors.append(format(f.diagnostics()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return new Result(out, frames, errors.length() == 0 ? null : errors.toString());
    }

    private static String format(List<dev.lasti.transformer.Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.format(d.defaultSourcePath())).collect(Collectors.joining("\n")) + "\n";
    }

    private static String stack(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
