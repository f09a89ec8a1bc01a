package dev.lasti.agent;

import dev.lasti.transformer.Diagnostic;
import java.io.PrintStream;
import java.util.List;

/**
 * Where the agent speaks: diagnostics always (javac form, {@code a/B.java:42: error: ...}), and with the
 * {@code verbose} option one line per rewritten class. One {@code println} per report, so lines of classes
 * loading on different threads do not interleave.
 */
final class Reporter {
    private final PrintStream out;
    private final boolean verbose;

    Reporter(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** javac-form lines for each diagnostic; the text {@link FailedClass} also puts in its error. */
    static String format(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (sb.length() > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(d.format(d.defaultSourcePath()));
        }
        return sb.toString();
    }

    void diagnostics(List<Diagnostic> diagnostics) {
        if (!diagnostics.isEmpty()) {
            out.println(format(diagnostics));
        }
    }

    void refused(String className, String why) {
        out.println("lasti agent: " + className.replace('/', '.') + " is not rewritten and will not initialize"
                + " (its first use throws LinkageError): " + why);
    }

    void rewrote(String className, int frames, ClassLoader loader) {
        if (verbose) {
            out.println("lasti agent: rewrote " + className.replace('/', '.') + " (" + frames + " frame class"
                    + (frames == 1 ? "" : "es") + ") in " + loader);
        }
    }

    void alreadyTransformed(String className) {
        if (verbose) {
            out.println("lasti agent: " + className.replace('/', '.') + " was transformed at build time");
        }
    }
}
