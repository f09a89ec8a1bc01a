package dev.lasti.sync;

import dev.lasti.EventLoop;
import dev.lasti.Promise;
import java.util.ArrayDeque;

/**
 * The queue of tasks waiting for one primitive, oldest first, and the loop the primitive belongs to. A
 * cancelled waiter stays in the queue until it reaches the front, where {@link #serve} skips it: removing
 * it at once would cost a scan, and it holds nothing but its promise.
 *
 * @param <T> what a waiter is given
 */
final class Waiters<T> {
    private final ArrayDeque<Promise<T>> queue = new ArrayDeque<>();
    private EventLoop loop;

    /**
     * Binds the primitive to the calling loop at its first use, and refuses other threads afterwards.
     *
     * @throws IllegalStateException off that loop's thread
     */
    void check(Object primitive) {
        EventLoop current = EventLoop.current();
        if (loop == null) {
            loop = current;
        } else if (loop != current) {
            throw new IllegalStateException(primitive + " belongs to the event loop that first used it ("
                    + loop + "), not to the one on thread " + Thread.currentThread().getName());
        }
    }

    /** A new waiter at the back. */
    Promise<T> add() {
        Promise<T> p = new Promise<>();
        queue.add(p);
        return p;
    }

    /** Gives {@code value} to the oldest waiter not cancelled yet; {@code false} if there is none. */
    boolean serve(T value) {
        for (Promise<T> p; (p = queue.poll()) != null; ) {
            if (p.complete(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a waiter that has not been cancelled is queued; drops cancelled ones from the front. */
    boolean anyLive() {
        while (!queue.isEmpty() && queue.peek().isDone()) {
            queue.poll();
        }
        return !queue.isEmpty();
    }
}
