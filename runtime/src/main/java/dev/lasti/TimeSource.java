package dev.lasti;

/**
 * The event loop's clock: monotonic nanoseconds, plus a hook that decides how long the loop really blocks.
 * The default is {@link System#nanoTime()}; tests inject a {@link VirtualTime} so that timers fire without
 * waiting.
 */
public interface TimeSource {
    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /**
     * Called when the loop is about to block waiting for I/O until its next timer is due. Returns how many
     * nanoseconds to really block: {@code -1} means until woken, {@code 0} means do not block.
     *
     * @param timeoutNanos nanoseconds until the next timer, or {@code -1} if there is none
     */
    default long beforeBlock(long timeoutNanos) {
        return timeoutNanos;
    }

    /**
     * Like {@link #beforeBlock}, but called while work the loop waits for runs on other threads (an {@link
     * EventLoop#blocking} job): that work takes real time, so a virtual clock should follow the real one
     * until it is back instead of jumping to the next timer. {@link #afterBlock} then reports how long the
     * loop really blocked. Returns {@link #beforeBlock}'s answer by default.
     */
    default long beforeBlockWhileBusy(long timeoutNanos) {
        return beforeBlock(timeoutNanos);
    }

    /** After a wait that {@link #beforeBlockWhileBusy} allowed: it took {@code realNanos}. Does nothing by default. */
    default void afterBlock(long realNanos) {}

    /** The system's monotonic clock. */
    static TimeSource system() {
        return System::nanoTime;
    }
}
