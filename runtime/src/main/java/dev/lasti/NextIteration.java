package dev.lasti;

import dev.lasti.internal.Frame;

/**
 * The future behind {@link EventLoop#yieldNow()}: queued on its loop as its own callback, it completes in
 * the next iteration. One object instead of a promise plus a completing lambda.
 *
 * <p>A task on the same loop that awaits it parks in a plain field instead of the waiter chain (no atomic
 * instruction: only the loop thread reads and writes it; see {@link Future#whenDone}), and is resumed right
 * there, inside the completion (so is a task of this loop that awaits it as an ordinary waiter), instead of
 * being queued for yet another iteration. That halves the iterations a suspend + resume round trip costs,
 * and is safe from deep recursion: the resumed body can only complete a {@code NextIteration} by yielding,
 * which queues, so the nesting is one level at most.
 */
final class NextIteration extends Future<Void> implements Runnable {
    /**
     * The loop this was created on, until a task of that loop parks here; then that task; {@code null}
     * once it is woken. One field for both keeps the object at 24 bytes. Only the loop thread writes it.
     */
    private Object slot;

    /** Created by {@link EventLoop#yieldNow()}, which queues it on {@code loop}. */
    NextIteration(EventLoop loop) {
        this.slot = loop;
    }

    /** The loop reached the next iteration: complete, then wake the parked task, if any. */
    @Override
    public void run() {
        succeed(null);
        if (slot instanceof Frame<?> task) {
            slot = null;
            task.accept(this); // runs it right here (see Frame.accept)
        }
    }

    /**
     * Parks {@code waiter} if it is a task, this future's loop runs on the calling thread (a task awaits
     * on its own loop's thread), it is not done and no task is parked yet; otherwise the caller registers
     * it in the waiter chain as for any future.
     */
    boolean park(Object waiter) {
        if (!(waiter instanceof Frame<?>) || !(slot instanceof EventLoop loop) || !loop.isCurrent() || isDone()) {
            return false;
        }
        slot = waiter;
        return true;
    }
}
