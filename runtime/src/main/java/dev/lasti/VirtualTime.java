package dev.lasti;

import java.time.Duration;

/**
 * A {@link TimeSource} for tests: time stands still while the loop has work, and jumps straight to the
 * next timer when the loop would otherwise wait for it. A thousand one-second sleeps finish at once, in
 * their deadline order, and {@link #elapsed()} says how much virtual time passed.
 *
 * <p>When no timer is pending the loop blocks for real, so work handed over from other threads still
 * arrives. But while any timer is pending the clock jumps to it at once: work on other threads (a {@link
 * EventLoop#blocking} job, a {@link java.util.concurrent.CompletionStage}) takes no virtual time, so a
 * timeout armed around such work fires before the work can finish. Use the system clock for those tests.
 */
public final class VirtualTime implements TimeSource {
    private volatile long now;

    /** Starts the clock at zero. */
    public VirtualTime() {}

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long beforeBlock(long timeoutNanos) {
        if (timeoutNanos < 0) {
            return -1;
        }
        now += timeoutNanos;
        return 0;
    }

    /** Moves the clock forward by hand. */
    public void advance(Duration by) {
        now += by.toNanos();
    }

    /** Virtual time passed since the clock was created. */
    public Duration elapsed() {
        return Duration.ofNanos(now);
    }
}
