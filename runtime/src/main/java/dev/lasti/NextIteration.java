package dev.lasti;

import dev.lasti.internal.Frame;
import java.util.concurrent.RejectedExecutionException;

/**
 * The future behind {@link EventLoop#yieldNow()}: queued on its loop as its own callback, it completes in
 * the next iteration. One object instead of a promise plus a completing lambda.
 *
 * <p>It is loop-confined (see {@link Future}'s "Confinement"): only its loop completes it, so completing
 * it takes no atomic instruction, and a cancellation from another thread is handed to the loop. A task on
 * the same loop that awaits it parks in a plain field instead of the waiter chain, and is resumed right
 * there, inside the completion (so is a task of this loop that awaits it as an ordinary waiter), instead of
 * being queued for yet another iteration. That halves the iterations a suspend + resume round trip costs,
 * and is safe from deep recursion: the resumed body can only complete a {@code NextIteration} by yielding,
 * which queues, so the nesting is one level at most.
 */
final class NextIteration extends Future<Void> implements Runnable {
    /** The loop that completes this future: the one it was created and queued on. */
    final EventLoop loop;
    /** The task of {@link #loop} parked here, until it is woken. Only the loop thread reads and writes it. */
    private Frame<?> parked;

    /** Created by {@link EventLoop#yieldNow()}, which queues it on {@code loop}. */
    NextIteration(EventLoop loop) {
        this.loop = loop;
    }

    /** The loop reached the next iteration: complete, then wake the parked task, if any. */
    @Override
    public void run() {
        succeed(null);
        Frame<?> task = parked;
        if (task != null) {
            parked = null;
            task.accept(this); // runs it right here (see Frame.accept)
        }
    }

    /**
     * Parks {@code waiter} if it is a task, this future is not done and no task is parked yet; otherwise the
     * caller registers it in the waiter chain as for any future. Called on the loop thread only ({@link
     * Future#whenDone} checks).
     */
    boolean park(Object waiter) {
        if (!(waiter instanceof Frame<?> task) || parked != null || isDone()) {
            return false;
        }
        parked = task;
        return true;
    }

    /**
     * Cancels the yield: at once on the loop thread; from another thread the request is handed to the loop
     * (a confined future is written by its loop only), and {@code true} means it was queued.
     */
    @Override
    public boolean cancel() {
        if (loop.isCurrent() || isDone()) {
            return super.cancel();
        }
        try {
            loop.execute(super::cancel);
        } catch (RejectedExecutionException e) {
            return super.cancel(); // the loop has closed: the atomic path is everybody's now
        }
        return true;
    }
}
