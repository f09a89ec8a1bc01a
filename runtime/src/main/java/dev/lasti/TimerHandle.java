package dev.lasti;

/**
 * A timer scheduled with {@link EventLoop#callLater}. Cancelling is safe from any thread; a cancelled timer
 * stays in the loop's heap until it is popped or the heap is compacted (lazy cancellation).
 */
public final class TimerHandle implements Comparable<TimerHandle> {
    /** Loop time in nanoseconds at which the timer is due. */
    final long deadline;
    /** Tie-breaker: timers with the same deadline run in the order they were scheduled. */
    final long sequence;
    final Runnable callback;
    private final TimerQueue queue;
    private volatile boolean cancelled;

    TimerHandle(long deadline, long sequence, Runnable callback, TimerQueue queue) {
        this.deadline = deadline;
        this.sequence = sequence;
        this.callback = callback;
        this.queue = queue;
    }

    /** Prevents the callback from running. Returns {@code false} if it was already cancelled. */
    public synchronized boolean cancel() {
        if (cancelled) {
            return false;
        }
        cancelled = true;
        queue.noteCancelled();
        return true;
    }

    /** Returns {@code true} once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public int compareTo(TimerHandle o) {
        int c = Long.compare(deadline, o.deadline);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
}
