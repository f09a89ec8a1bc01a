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

    /** The system's monotonic clock. */
    static TimeSource system() {
        return System::nanoTime;
    }
}
