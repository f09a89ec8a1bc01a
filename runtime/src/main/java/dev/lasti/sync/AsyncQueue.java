package dev.lasti.sync;

import dev.lasti.Future;
import dev.lasti.Promise;
import java.util.ArrayDeque;

/**
 * A FIFO queue between the tasks of one loop (Tornado's {@code tornado.queues.Queue}, asyncio's {@code
 * Queue}), bounded so that a fast producer waits for room: backpressure.
 *
 * <pre>{@code
 * AsyncQueue<Job> jobs = AsyncQueue.bounded(100);
 * await(jobs.put(job));           // waits while 100 jobs are queued
 * Job next = await(jobs.take());  // waits while none is
 * }</pre>
 *
 * <p>Cancellation-safe as the package describes: a cancelled {@code take} takes nothing, so the item goes
 * to the next taker or stays queued; a cancelled {@code put} puts nothing (its item is not added); a taker
 * or putter served just before its cancellation keeps its item, or has put it. No item is lost or doubled.
 *
 * @param <T> the type of the items; {@code null} is not allowed
 */
public final class AsyncQueue<T> {
    private static final Future<Void> PUT = Future.completed(null);
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final Waiters<T> takers = new Waiters<>();
    /** Producers waiting for room, each with the item it puts once served. */
    private final ArrayDeque<Putter<T>> putters = new ArrayDeque<>();

    /** A producer waiting for room; its item is added when its promise is completed, not before. */
    private record Putter<T>(T item, Promise<Void> done) {}

    private AsyncQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** A queue that holds at most {@code capacity} items; {@link #put} waits while it is full. */
    public static <T> AsyncQueue<T> bounded(int capacity) {
        return new AsyncQueue<>(capacity);
    }

    /** A queue without a bound: {@link #put} never waits. Without backpressure, memory is the bound. */
    public static <T> AsyncQueue<T> unbounded() {
        return new AsyncQueue<>(Integer.MAX_VALUE);
    }

    /** Adds {@code item}: at once if there is room (or a taker waits for it), otherwise once there is. */
    public Future<Void> put(T item) {
        java.util.Objects.requireNonNull(item, "item");
        takers.check(this);
        if (offer(item)) {
            return PUT;
        }
        Promise<Void> done = new Promise<>();
        putters.add(new Putter<>(item, done));
        return done;
    }

    /** Adds {@code item} if there is room without waiting; returns whether it did. */
    public boolean offer(T item) {
        java.util.Objects.requireNonNull(item, "item");
        takers.check(this);
        if (takers.serve(item)) {
            return true; // handed straight to the oldest waiting taker
        }
        if (items.size() < capacity) {
            items.add(item);
            return true;
        }
        return false;
    }

    /** Removes and returns the oldest item: at once if there is one, otherwise once one is put. */
    public Future<T> take() {
        takers.check(this);
        T item = poll();
        return item != null ? Future.completed(item) : takers.add();
    }

    /** Removes and returns the oldest item, or {@code null} if the queue is empty; never waits. */
    public T poll() {
        takers.check(this);
        T item = items.poll();
        if (item != null) {
            admitPutter();
        }
        return item;
    }

    /** Room for one more: the oldest producer still waiting puts its item. */
    private void admitPutter() {
        for (Putter<T> p; (p = putters.poll()) != null; ) {
            if (p.done().complete(null)) {
                items.add(p.item());
                return;
            }
            // that producer was cancelled: its item was never put
        }
    }

    /** Items queued now. */
    public int size() {
        takers.check(this);
        return items.size();
    }

    /** The most items the queue holds. */
    public int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "AsyncQueue[" + items.size() + (capacity == Integer.MAX_VALUE ? "" : "/" + capacity) + "]";
    }
}
