package dev.lasti.sync;

import dev.lasti.Future;
import java.util.function.Supplier;

/**
 * A counting semaphore for the tasks of one loop (Tornado's {@code Semaphore}): at most {@code permits}
 * holders at once, for example to limit concurrent requests to a backend. Waiters are served in arrival
 * order, and cancellation-safe as the package describes.
 */
public final class Semaphore {
    private static final Future<Void> ACQUIRED = Future.completed(null);
    private final Waiters<Void> waiters = new Waiters<>();
    private int permits;

    /**
     * A semaphore with {@code permits} free permits.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("permits must not be negative, was " + permits);
        }
        this.permits = permits;
    }

    /** A future that completes when the caller holds a permit: done at once if one is free. */
    public Future<Void> acquire() {
        waiters.check(this);
        if (permits > 0 && !waiters.anyLive()) {
            permits--;
            return ACQUIRED;
        }
        return waiters.add();
    }

    /** Takes a permit if one is free and nobody waits for one; returns whether it did. */
    public boolean tryAcquire() {
        waiters.check(this);
        if (permits > 0 && !waiters.anyLive()) {
            permits--;
            return true;
        }
        return false;
    }

    /** Returns a permit: the oldest task still waiting gets it, or it becomes free. */
    public void release() {
        waiters.check(this);
        if (!waiters.serve(null)) {
            permits++;
        }
    }

    /** Runs {@code body} holding a permit, and returns the permit when the body's future is done. */
    public <T> Future<T> withPermit(Supplier<? extends Future<T>> body) {
        return Holding.run(acquire(), body, this::release);
    }

    /** Free permits now. */
    public int available() {
        waiters.check(this);
        return permits;
    }

    @Override
    public String toString() {
        return "Semaphore[" + permits + " free]";
    }
}
