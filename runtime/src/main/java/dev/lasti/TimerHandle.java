package dev.lasti;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;

/**
 * A timer scheduled with {@link EventLoop#callLater}. Cancelling is safe from any thread; a cancelled timer
 * stays in the loop's heap until it is popped or the heap is compacted (lazy cancellation).
 */
public final class TimerHandle {
    /** In the heap (or on its way there from another thread), waiting for its deadline. */
    private static final int SCHEDULED = 0;
    /** Popped as due in this iteration; a cancel still stops it from running. */
    private static final int DUE = 1;
    private static final int CANCELLED = 2;
    /** Its callback ran (or is running). */
    private static final int FIRED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TimerHandle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Loop time in nanoseconds at which the timer is due. */
    final long deadline;
    /** Tie-breaker: timers with the same deadline run in the order they were scheduled. */
    final long sequence;
    final Runnable callback;
    private final TimerQueue queue;
    /**
     * One of the constants above. A CAS decides between cancel (any thread) and fire (loop thread), and
     * tells cancel whether the timer is still in the heap, so the queue's count of cancelled entries in
     * the heap stays exact (a cancel after the timer left the heap must not count, or compaction would
     * run on every iteration).
     */
    private volatile int state;

    TimerHandle(long deadline, long sequence, Runnable callback, TimerQueue queue) {
        this.deadline = deadline;
        this.sequence = sequence;
        this.callback = callback;
        this.queue = queue;
    }

    /**
     * Prevents the callback from running. Safe from any thread.
     *
     * @return {@code true} if this call stopped the callback; {@code false} if it was already cancelled
     *     or has already run
     */
    public boolean cancel() {
        while (true) {
            int s = state;
            if (s == CANCELLED || s == FIRED) {
                return false;
            }
            if (STATE.compareAndSet(this, s, CANCELLED)) {
                if (s == SCHEDULED) {
                    queue.noteCancelled(); // still in the heap: it counts towards compaction
                }
                return true;
            }
        }
    }

    /** Returns {@code true} once {@link #cancel()} succeeded. */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /** Loop thread: the timer left the heap as due. Returns {@code false} if it was cancelled. */
    boolean markDue() {
        return STATE.compareAndSet(this, SCHEDULED, DUE);
    }

    /** Loop thread: runs the callback unless it was cancelled since it became due. */
    boolean claimFire() {
        return STATE.compareAndSet(this, DUE, FIRED);
    }

    /**
     * The heap's order: by deadline, then in scheduling order. A comparator of the runtime's own rather than
     * {@code Comparable}, so the order stays out of the public API.
     */
    static final Comparator<TimerHandle> ORDER = (a, b) -> {
        int c = Long.compare(a.deadline, b.deadline);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    };
}
