package dev.lasti;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The future of {@link EventLoop#submit}: a task started on a loop from any thread. It is also the
 * callback queued on that loop, so a submit costs one object besides the task itself.
 *
 * <p>Cancelling it cancels the task, and it completes, as cancelled, once the task has unwound (as {@link
 * Future#all} does), not at once. {@link #cancel} and {@link #run} meet through two volatile fields:
 * <ul>
 *   <li>cancel first, start later: {@code run} sees {@code cancelRequested} and never starts the body
 *       (fine);</li>
 *   <li>start first, cancel later: {@code cancel} sees {@code task} and cancels it (fine);</li>
 *   <li>both at once: each writes its own field before it reads the other's, so at least one of them sees
 *       the other, and the task may be cancelled twice, which a task ignores after the first time
 *       (fine).</li>
 * </ul>
 */
final class Submitted<T> extends Promise<T> implements Runnable {
    private final Supplier<? extends Future<T>> body;
    private final SubmittedTasks home;
    /** The running task; set on the loop when the body has started. */
    private volatile Future<T> task;
    private volatile boolean cancelRequested;

    Submitted(Supplier<? extends Future<T>> body, SubmittedTasks home) {
        this.body = Objects.requireNonNull(body, "task");
        this.home = home;
    }

    /** On the loop: starts the body, unless a cancellation came first. */
    @Override
    public void run() {
        if (cancelRequested) {
            fail(new CancellationException("cancelled before it started"));
            return;
        }
        Future<T> started;
        try {
            started = Objects.requireNonNull(body.get(), "the submitted task returned null instead of a future");
        } catch (Throwable t) {
            fail(t);
            return;
        }
        task = started;
        home.add(this);
        started.whenDone(done -> {
            completeWith(done);
            home.remove(this);
        });
        if (cancelRequested) {
            started.cancel();
        }
    }

    /** The loop shut down with the task still pending or not started: fail, leaving the task as it is. */
    void drop() {
        fail(new CancellationException("submitted task dropped: its event loop has shut down"));
        home.remove(this);
    }

    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        cancelRequested = true;
        Future<T> started = task;
        if (started != null) {
            started.cancel();
        }
        return true;
    }
}
