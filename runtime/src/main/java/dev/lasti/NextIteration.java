package dev.lasti;

import java.util.concurrent.RejectedExecutionException;

/**
 * The future behind {@link EventLoop#yieldNow()}: queued on its loop as its own callback, it completes in
 * the next iteration. One object of 24 bytes instead of a promise plus a completing lambda.
 *
 * <p>It is loop-confined (see {@link Future}'s "Confinement"): only its loop completes it, so neither the
 * completion nor a registration on the loop takes an atomic instruction, and a cancellation from another
 * thread is handed to the loop. A task of this loop that awaits it is resumed right there, inside the
 * completion (see {@code Frame.accept}), instead of being queued for yet another iteration. That halves
 * the iterations a suspend + resume round trip costs, and is safe from deep recursion: the resumed body
 * can only complete a {@code NextIteration} by yielding, which queues, so the nesting is one level at most.
 */
final class NextIteration extends Future<Void> implements Runnable {
    /** The loop that completes this future: the one it was created and queued on. */
    final EventLoop loop;

    /** Created by {@link EventLoop#yieldNow()}, which queues it on {@code loop}. */
    NextIteration(EventLoop loop) {
        this.loop = loop;
    }

    /** The loop reached the next iteration: complete, which wakes the waiters. */
    @Override
    public void run() {
        succeed(null);
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
