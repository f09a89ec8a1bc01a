package dev.lasti.transformer.driver;

import dev.lasti.transformer.Diagnostic;
import java.time.Duration;
import java.util.List;

/**
 * What one {@link DirectoryDriver} run did. Every class file of the user's found is counted in exactly one of
 * {@code transformed}, {@code alreadyTransformed}, {@code unchanged}, {@code upToDate} and {@code failed};
 * lasti's own frame classes (told apart by their marker, not their names) are counted in none of them, so
 * the numbers are the same on a first build, a rebuild and a run over already transformed output.
 *
 * @param transformed classes rewritten and written back
 * @param alreadyTransformed classes that carried lasti's marker already (left as they were)
 * @param unchanged classes without {@code @Async} (left as they were)
 * @param upToDate classes skipped because the state file shows they did not change since the last run
 * @param failed classes with at least one error (left as they were)
 * @param frameClassesWritten frame classes written next to the transformed classes
 * @param frameClassesFound frame classes of earlier runs found under the roots (each one rewritten, kept or
 *     removed as stale; not counted as classes)
 * @param methods the rewritten methods ({@code @Async} methods, with or without awaits, and async lambdas),
 *     sorted by class, name and descriptor
 * @param diagnostics every diagnostic of the run, sorted by class, line and message
 * @param elapsed wall-clock time of the run
 */
public record DriverSummary(int transformed, int alreadyTransformed, int unchanged, int upToDate, int failed,
                            int frameClassesWritten, int frameClassesFound, List<TransformedMethod> methods,
                            List<Diagnostic> diagnostics, Duration elapsed) {
    public DriverSummary {
        methods = List.copyOf(methods);
        diagnostics = List.copyOf(diagnostics);
    }

    /** All of the user's class files the run looked at (frame classes not included). */
    public int total() {
        return transformed + alreadyTransformed + unchanged + upToDate + failed;
    }

    /** The number of {@link Diagnostic.Severity#ERROR} diagnostics. */
    public long errorCount() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    /** True if the build should fail. */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /**
     * The one line a build prints, without a prefix, e.g. {@code transformed 3 classes (12 methods), 1 already
     * transformed, 40 without @Async, in 85 ms} or {@code nothing to transform, all 44 classes up to date}.
     */
    public String describe() {
        if (total() == 0) {
            return "nothing to transform, no class files found";
        }
        if (upToDate == total()) {
            return "nothing to transform, all " + count(upToDate, "class", "classes") + " up to date";
        }
        StringBuilder sb = new StringBuilder();
        if (failed > 0) {
            sb.append(count(errorCount(), "error", "errors")).append(" in ")
                    .append(count(failed, "class", "classes")).append(" (left untransformed), ");
        }
        sb.append("transformed ").append(count(transformed, "class", "classes"));
        if (transformed > 0) {
            sb.append(" (").append(count(methods.size(), "method", "methods")).append(')');
        }
        sb.append(", ").append(alreadyTransformed).append(" already transformed");
        sb.append(", ").append(unchanged).append(" without @Async");
        if (upToDate > 0) {
            sb.append(", ").append(upToDate).append(" up to date");
        }
        sb.append(", in ").append(elapsed.toMillis()).append(" ms");
        return sb.toString();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
