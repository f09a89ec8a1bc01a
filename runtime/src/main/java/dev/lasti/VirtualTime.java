package dev.lasti;

import java.time.Duration;

/**
 * A {@link TimeSource} for tests: time stands still while the loop has work, and jumps straight to the
 * next timer when the loop would otherwise wait for it. A thousand one-second sleeps finish at once, in
 * their deadline order, and {@link #elapsed()} says how much virtual time passed.
 *
 * <p>When no timer is pending the loop blocks for real, so work handed over from other threads still
 * arrives. While an {@link EventLoop#blocking} job of the loop runs, the clock follows real time instead
 * of jumping, so a timeout around the job fires only if the job really takes that long. Work on other
 * threads that the loop does not know of (a {@link java.util.concurrent.CompletionStage} completed by
 * some client library) takes no virtual time: a timeout armed around it fires as soon as the loop has
 * nothing else to do. Use the system clock for those tests.
 */
public final class VirtualTime implements TimeSource {
    private volatile long now;
    /** The cap of the wait that follows real time (see {@link #beforeBlockWhileBusy}); loop thread only. */
    private long followCap;

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

    /** A blocking job runs: really wait, at most until the next timer, and count the real time. */
    @Override
    public long beforeBlockWhileBusy(long timeoutNanos) {
        followCap = timeoutNanos;
        return timeoutNanos;
    }

    @Override
    public void afterBlock(long realNanos) {
        now += followCap < 0 ? realNanos : Math.min(realNanos, followCap);
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
