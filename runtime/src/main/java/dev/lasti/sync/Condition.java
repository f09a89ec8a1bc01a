package dev.lasti.sync;

import dev.lasti.Future;

/**
 * A condition for the tasks of one loop, as Tornado's {@code Condition} is: no lock is needed, since the
 * loop runs one task at a time, so a task checks its predicate and waits without being preempted.
 *
 * <pre>{@code
 * while (buffer.isEmpty()) {
 *     await(changed.signalled());
 * }
 * }</pre>
 *
 * A signal wakes waiters that are still waiting, oldest first; a cancelled waiter does not consume one.
 * (The names are {@code java.util.concurrent.locks.Condition}'s: {@code notify} is {@code Object}'s.)
 */
public final class Condition {
    private final Waiters<Void> waiters = new Waiters<>();

    /** A condition nobody waits for. */
    public Condition() {}

    /** A future that completes at the next {@link #signal()}, {@link #signal(int)} or {@link #signalAll()}. */
    public Future<Void> signalled() {
        waiters.check(this);
        return waiters.add();
    }

    /** Wakes the oldest waiting task, if any; returns whether there was one. */
    public boolean signal() {
        return signal(1) == 1;
    }

    /** Wakes up to {@code n} waiting tasks, oldest first; returns how many it woke. */
    public int signal(int n) {
        waiters.check(this);
        int woken = 0;
        while (woken < n && waiters.serve(null)) {
            woken++;
        }
        return woken;
    }

    /** Wakes every waiting task; returns how many it woke. */
    public int signalAll() {
        return signal(Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "Condition";
    }
}
