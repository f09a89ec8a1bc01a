package dev.lasti.junit;

import dev.lasti.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs async code to completion inside an ordinary Jupiter test, with the checks of {@link AsyncTest}:
 *
 * <pre>{@code
 * @Test
 * void entriesExpire() {
 *     String v = LastiTest.run(() -> cache.getAfter(Duration.ofHours(1)));   // virtual time
 *     assertNull(v);
 * }
 * }</pre>
 */
public final class LastiTest {
    private LastiTest() {}

    /**
     * How a test's loop runs.
     *
     * @param realTime the system clock instead of virtual time
     * @param timeout real time after which the test fails
     * @param blockedThreshold how long one loop iteration may stay busy; {@link Duration#ZERO} turns the check off
     */
    public record Settings(boolean realTime, Duration timeout, Duration blockedThreshold) {
        /** Virtual time, a 10 s timeout, a 1 s blocked-loop threshold: the defaults of {@link AsyncTest}. */
        public static final Settings DEFAULT = new Settings(false, Duration.ofSeconds(10), Duration.ofSeconds(1));

        /** Checks the durations. */
        public Settings {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(blockedThreshold, "blockedThreshold");
            if (timeout.isNegative() || timeout.isZero() || blockedThreshold.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, blockedThreshold not negative");
            }
        }

        /** These settings on the system clock. */
        public Settings withRealTime() {
            return new Settings(true, timeout, blockedThreshold);
        }

        /** These settings with another timeout. */
        public Settings withTimeout(Duration timeout) {
            return new Settings(realTime, timeout, blockedThreshold);
        }

        /** These settings with another blocked-loop threshold. */
        public Settings withBlockedThreshold(Duration threshold) {
            return new Settings(realTime, timeout, threshold);
        }

        static Settings of(AsyncTest a) {
            return new Settings(a.realTime(), Duration.ofMillis(a.timeoutMillis()), Duration.ofMillis(a.blockedMillis()));
        }
    }

    /**
     * Runs {@code main} on a fresh loop in virtual time with the default checks and returns its value, or
     * throws its failure unwrapped; throws an {@link AssertionError} when a check fails.
     */
    public static <T> T run(Supplier<? extends Future<T>> main) {
        return run(Settings.DEFAULT, main);
    }

    /** {@link #run(Supplier)} with other settings. */
    public static <T> T run(Settings settings, Supplier<? extends Future<T>> main) {
        return new TestLoop(settings).run(main);
    }
}
