package dev.lasti.sync;

import dev.lasti.Future;
import java.util.function.Supplier;

/**
 * A lock for the tasks of one loop (asyncio's and Tornado's {@code Lock}): one holder at a time, the
 * others wait in arrival order. Not reentrant, and not tied to a task: the task that acquired it releases it.
 *
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     await(writeRecord(r));       // no other task writes meanwhile
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * Cancellation-safe as the package describes: a cancelled waiter never ends up holding the lock unknowingly.
 */
public final class Lock {
    private static final Future<Void> ACQUIRED = Future.completed(null);
    private final Waiters<Void> waiters = new Waiters<>();
    private boolean locked;

    /** An unlocked lock. */
    public Lock() {}

    /** A future that completes when the caller holds the lock: done at once if it is free. */
    public Future<Void> acquire() {
        waiters.check(this);
        if (!locked) {
            locked = true;
            return ACQUIRED;
        }
        return waiters.add();
    }

    /** Takes the lock if it is free, without waiting; returns whether it did. */
    public boolean tryAcquire() {
        waiters.check(this);
        if (locked) {
            return false;
        }
        locked = true;
        return true;
    }

    /**
     * Releases the lock: the oldest waiter that is still waiting gets it, or it becomes free.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void release() {
        waiters.check(this);
        if (!locked) {
            throw new IllegalStateException("release of a lock that is not held");
        }
        locked = waiters.serve(null);
    }

    /** Runs {@code body} holding the lock, and releases it when the body's future is done, however it ends. */
    public <T> Future<T> withLock(Supplier<? extends Future<T>> body) {
        return Holding.run(acquire(), body, this::release);
    }

    /** Whether some task holds the lock. */
    public boolean isLocked() {
        waiters.check(this);
        return locked;
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "free") + "]";
    }
}
