package dev.lasti.samples;

/** Wall-clock timing for the tour's reports: every figure it prints is measured, not assumed. */
final class Seconds {
    private Seconds() {}

    /** Seconds since {@code startNanos}, a {@link System#nanoTime()} reading. */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
