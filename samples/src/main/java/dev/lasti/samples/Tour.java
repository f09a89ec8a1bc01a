package dev.lasti.samples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Runs samples one after the other and prints what each did, how long it took, and whether it failed. A
 * failing sample does not stop the tour: its stack trace is printed and the rest still run.
 */
final class Tour {
    private static final String INDENT = " ".repeat(22);

    private Tour() {}

    /** Runs {@code samples}, printing to {@code out}; returns how many failed. */
    static int run(List<Sample> samples, PrintStream out) {
        long start = System.nanoTime();
        int failed = 0;
        for (Sample sample : samples) {
            failed += runOne(sample, out) ? 0 : 1;
        }
        if (samples.size() > 1) {
            out.printf("%d samples, %d failed, %.1f s in all%n", samples.size(), failed, Seconds.since(start));
        }
        return failed;
    }

    /** Runs one sample; returns whether it succeeded. */
    private static boolean runOne(Sample sample, PrintStream out) {
        out.printf("%-16s %-4s %s%n", sample.name(), sample.row(), sample.summary());
        out.flush();
        long start = System.nanoTime();
        try {
            String result = sample.body().get();
            out.printf("%s-> %s%n%s   [%.2f s]%n", INDENT, indent(result), INDENT, Seconds.since(start));
            return true;
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            out.printf("%s-> FAILED after %.2f s: %s%n%s", INDENT, Seconds.since(start), e, trace);
            return false;
        }
    }

    /** Indents the lines after the first, so multi-line results stay under their sample. */
    private static String indent(String text) {
        return text.replace("\n", "\n" + INDENT + "   ");
    }
}
