package dev.lasti;

import java.lang.ref.Cleaner;
import java.util.concurrent.CancellationException;

/**
 * The failure stored in a failed {@link Future}, with the bookkeeping that keeps it from being lost: if
 * nobody retrieves it before the future becomes unreachable, a {@link Cleaner} reports it through {@link
 * System.Logger} (logger {@code dev.lasti}, level ERROR). Cancellations are never reported.
 *
 * <p>The cleaning action is this object, which holds the error but never the future, so the future can
 * become phantom reachable.
 */
final class Failure implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.lasti");

    /** One daemon thread for the whole runtime, started on the first failure. */
    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create(r -> {
            Thread t = new Thread(r, "lasti-unretrieved-failures");
            t.setDaemon(true);
            return t;
        });
    }

    final Throwable error;
    private volatile boolean retrieved;
    private volatile Cleaner.Cleanable cleanable;
    private String origin;

    Failure(Throwable error) {
        this.error = error;
        this.retrieved = error instanceof CancellationException;
    }

    /** Starts watching {@code owner}: called once, right after it completed with this failure. */
    void watch(Future<?> owner) {
        if (!retrieved) {
            origin = owner.getClass().getName();
            cleanable = CleanerHolder.CLEANER.register(owner, this);
            EventLoop.track(this);
        }
    }

    /** Whether someone asked for the error (or it is a cancellation). */
    boolean isRetrieved() {
        return retrieved;
    }

    /** Marks the failure as handled by whoever asked for it and returns the error. */
    Throwable retrieve() {
        if (!retrieved) {
            retrieved = true;
            Cleaner.Cleanable c = cleanable;
            if (c != null) {
                c.clean(); // drops the registration now; run() sees retrieved and stays quiet
            }
        }
        return error;
    }

    /** The cleaning action: the future became unreachable. */
    @Override
    public void run() {
        if (!retrieved) {
            LOG.log(System.Logger.Level.ERROR,
                    "lasti: a future failed and nobody retrieved its failure (" + origin + ")", error);
        }
    }

    /** Throws {@code t} as it is, checked or not, the way {@code await} promises. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
