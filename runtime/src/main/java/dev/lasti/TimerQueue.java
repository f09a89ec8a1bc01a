package dev.lasti;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loop's timers: a binary heap keyed by (deadline, sequence). Only the loop thread adds and pops.
 * Cancellation is lazy: a cancelled timer is skipped when it reaches the top, and the heap is rebuilt
 * without cancelled entries once they are the majority (Tornado's {@code _cancellations} rule), so a
 * server that arms and cancels a timeout per request does not grow the heap without bound.
 *
 * <p>Handles may be created on any thread ({@link #create}); they enter the heap on the loop thread.
 */
final class TimerQueue {
    private static final int COMPACT_MIN = 512;

    private final PriorityQueue<TimerHandle> heap = new PriorityQueue<>(TimerHandle.ORDER);
    /** Cancelled timers still in the heap; cancel() may run on any thread. */
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    /** Creates and schedules a timer; loop thread only. */
    TimerHandle add(long deadline, Runnable callback) {
        TimerHandle t = create(deadline, callback);
        push(t);
        return t;
    }

    /** Creates a timer without scheduling it; any thread. */
    TimerHandle create(long deadline, Runnable callback) {
        return new TimerHandle(deadline, sequence.getAndIncrement(), callback, this);
    }

    /** Schedules a timer made by {@link #create}; loop thread only. */
    void push(TimerHandle t) {
        heap.add(t);
    }

    /** A timer still in the heap was cancelled; any thread. */
    void noteCancelled() {
        cancelled.incrementAndGet();
    }

    /**
     * Removes and returns the timers due at {@code now}, in (deadline, sequence) order, before any of them
     * runs. The caller runs each one that {@link TimerHandle#claimFire} still allows.
     */
    List<TimerHandle> popDue(long now) {
        List<TimerHandle> due = null;
        while (!heap.isEmpty()) {
            TimerHandle top = heap.peek();
            if (top.isCancelled()) {
                heap.poll();
                cancelled.decrementAndGet();
            } else if (top.deadline - now <= 0) {
                heap.poll();
                if (!top.markDue()) { // cancelled since the check above, while still in the heap
                    cancelled.decrementAndGet();
                    continue;
                }
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(top);
            } else {
                break;
            }
        }
        compactIfMostlyCancelled();
        return due == null ? List.of() : due;
    }

    /** No timer in the heap, live or cancelled: the loop need not read the clock for timers. */
    boolean isEmpty() {
        return heap.isEmpty();
    }

    /** Nanoseconds from {@code now} until the next live timer (0 if overdue), or -1 if there is none. */
    long nanosUntilNext(long now) {
        while (!heap.isEmpty() && heap.peek().isCancelled()) {
            heap.poll();
            cancelled.decrementAndGet();
        }
        return heap.isEmpty() ? -1 : Math.max(0, heap.peek().deadline - now);
    }

    /** Live and cancelled timers still held in the heap. */
    int size() {
        return heap.size();
    }

    /** Drops every timer (the loop shut down). */
    void clear() {
        heap.clear();
        cancelled.set(0);
    }

    /** Number of cancelled timers still in the heap, for tests. */
    int cancelledInHeap() {
        return cancelled.get();
    }

    private void compactIfMostlyCancelled() {
        int dead = cancelled.get();
        if (dead > COMPACT_MIN && dead > heap.size() / 2) {
            int before = heap.size();
            heap.removeIf(TimerHandle::isCancelled);
            cancelled.addAndGet(heap.size() - before);
        }
    }
}
