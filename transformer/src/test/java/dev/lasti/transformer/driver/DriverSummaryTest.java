package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.transformer.Diagnostic;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverSummaryTest {
    private static List<TransformedMethod> methods(int n) {
        return Collections.nCopies(n, new TransformedMethod("a.B", "m", "()Ldev/lasti/Future;",
                java.util.Optional.of("a/B$m$Frame")));
    }

    @Test
    void describesARunThatTransformedSomething_inOneLine() {
        DriverSummary s = new DriverSummary(3, 1, 40, 0, 0, 12, 0, methods(12), List.of(), Duration.ofMillis(85));

        assertEquals("transformed 3 classes (12 methods), 1 already transformed, 40 without @Async, in 85 ms",
                s.describe());
    }

    @Test
    void usesSingularForOneClassAndOneMethod_andMentionsUpToDateClasses() {
        DriverSummary s = new DriverSummary(1, 0, 0, 5, 0, 1, 1, methods(1), List.of(), Duration.ofMillis(7));

        assertEquals("transformed 1 class (1 method), 0 already transformed, 0 without @Async, 5 up to date,"
                + " in 7 ms", s.describe());
    }

    @Test
    void saysNothingToTransform_whenEveryClassIsUpToDate() {
        DriverSummary s = new DriverSummary(0, 0, 0, 44, 0, 0, 3, List.of(), List.of(), Duration.ZERO);

        assertEquals("nothing to transform, all 44 classes up to date", s.describe());
    }

    @Test
    void leadsWithTheErrorCount_whenClassesFailed() {
        Diagnostic error = new Diagnostic(Diagnostic.Severity.ERROR, "a/B", "B.java", 3, "bad", null);
        DriverSummary s = new DriverSummary(0, 0, 2, 0, 1, 0, 0, List.of(), List.of(error, error), Duration.ZERO);

        assertEquals("2 errors in 1 class (left untransformed), transformed 0 classes, 0 already transformed,"
                + " 2 without @Async, in 0 ms", s.describe());
        assertEquals(2, s.errorCount());
    }
}
