package dev.lasti.internal;

import dev.lasti.EventLoop;
import dev.lasti.Future;

/**
 * The future behind {@link EventLoop#yieldNow()}: queued on the loop as its own callback, it completes in
 * the next iteration. One object instead of a promise plus a completing lambda.
 *
 * <p>A task that awaits it is resumed right there, inside this completion, instead of being queued for
 * yet another iteration (see {@link Frame#accept}). That halves the iterations a suspend + resume round
 * trip costs, and is safe from deep recursion: the resumed body can only complete a {@code NextIteration}
 * by yielding, which queues, so the nesting is one level at most.
 */
public final class NextIteration extends Future<Void> implements Runnable {
    /** Created by {@link EventLoop#yieldNow()}, which queues it. */
    public NextIteration() {}

    /** The loop reached the next iteration. */
    @Override
    public void run() {
        succeed(null);
    }
}
