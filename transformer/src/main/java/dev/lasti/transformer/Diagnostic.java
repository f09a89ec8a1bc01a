package dev.lasti.transformer;

import java.util.Objects;

/**
 * One finding of the transformer, located the way javac locates its errors.
 *
 * @param severity how bad it is
 * @param className internal name of the class, e.g. {@code a/b/Orders}
 * @param sourceFile the class's SourceFile attribute (e.g. {@code Orders.java}), or {@code null} if absent
 * @param line source line, or {@code -1} if the class has no line numbers there
 * @param message what is wrong, e.g. {@code await inside a synchronized block in Orders.load(String)}
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(Severity severity, String className, String sourceFile, int line, String message,
                         String hint) {
    /** How bad a diagnostic is. */
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(message, "message");
    }

    /** The path javac would print for this class: its package folder plus the source file name. */
    public String defaultSourcePath() {
        String file = sourceFile != null ? sourceFile : simpleName(className) + ".java";
        int slash = className.lastIndexOf('/');
        return slash < 0 ? file : className.substring(0, slash + 1) + file;
    }

    /**
     * Formats as javac does: {@code path:LINE: error: message}, then the hint on its own line. The line
     * part is left out when unknown.
     *
     * @param sourcePath the path to print, e.g. {@code src/main/java/a/B.java}
     */
    public String format(String sourcePath) {
        StringBuilder sb = new StringBuilder(sourcePath);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ").append(message);
        if (hint != null) {
            sb.append(System.lineSeparator()).append("  hint: ").append(hint);
        }
        return sb.toString();
    }

    private static String simpleName(String internalName) {
        String s = internalName.substring(internalName.lastIndexOf('/') + 1);
        int dollar = s.indexOf('$');
        return dollar < 0 ? s : s.substring(0, dollar);
    }
}
