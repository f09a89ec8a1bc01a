package dev.lasti.sync;

import dev.lasti.Future;

/**
 * A flag that tasks of one loop can wait for (asyncio's and Tornado's {@code Event}): {@link #set()} wakes
 * every waiter, and later waits return at once until {@link #clear()}.
 *
 * <pre>{@code
 * await(ready.signalled());   // Python's await event.wait(); wait() is Object's in Java
 * }</pre>
 */
public final class Event {
    private static final Future<Void> SET = Future.completed(null);
    private final Waiters<Void> waiters = new Waiters<>();
    private boolean set;

    /** A clear event. */
    public Event() {}

    /** A future that completes once the event is set: done at once if it is set now. */
    public Future<Void> signalled() {
        waiters.check(this);
        return set ? SET : waiters.add();
    }

    /** Sets the event and wakes every task waiting for it; a cancelled waiter is skipped. */
    public void set() {
        waiters.check(this);
        set = true;
        while (waiters.serve(null)) {
            // each live waiter, oldest first
        }
    }

    /** Clears the event: later {@link #signalled()} futures wait for the next {@link #set()}. */
    public void clear() {
        waiters.check(this);
        set = false;
    }

    /** Whether the event is set. */
    public boolean isSet() {
        waiters.check(this);
        return set;
    }

    @Override
    public String toString() {
        return "Event[" + (set ? "set" : "clear") + "]";
    }
}
