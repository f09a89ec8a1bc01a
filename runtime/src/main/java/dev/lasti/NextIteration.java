package dev.lasti;

import dev.lasti.internal.Frame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;

/**
 * The future behind {@link EventLoop#yieldNow()}: queued on its loop as its own callback, it completes in
 * the next iteration. One object of 24 bytes instead of a promise plus a completing lambda.
 *
 * <p>It is loop-confined (see {@link Future}'s "Confinement"): only its loop completes it, so completing
 * it takes no atomic instruction, and a cancellation from another thread is handed to the loop. The first
 * task of that loop to await it parks in {@link #slot} instead of the waiter chain and is resumed right
 * there, once the completion has returned, instead of being queued for yet another iteration. That halves
 * the iterations a suspend + resume round trip costs, and is safe from deep recursion: the resumed body can
 * only complete a {@code NextIteration} by yielding, which queues, so the nesting is one level at most.
 * Resuming after the completion, not from its waiter chain, keeps the chain empty in the usual case and
 * the task's own completion out of this one's stack; other waiters, a second task included, run first.
 */
final class NextIteration extends Future<Void> implements Runnable {
    private static final VarHandle SLOT;

    static {
        try {
            SLOT = MethodHandles.lookup().findVarHandle(NextIteration.class, "slot", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The loop this was created on, until a task of that loop parks here; from then on that task, whose
     * loop it is. Written once, by the loop thread, with a release store, so another thread that reads the
     * task here with an acquire load sees the task's fields, and through them its loop. One field for both
     * keeps the object at 24 bytes.
     */
    private Object slot;

    /** Created by {@link EventLoop#yieldNow()}, which queues it on {@code loop}. */
    NextIteration(EventLoop loop) {
        this.slot = loop;
    }

    /** The loop that completes this future: the one it was created and queued on. */
    EventLoop loop() {
        Object s = SLOT.getAcquire(this);
        return s instanceof Frame<?> task ? task.ownerLoop() : (EventLoop) s;
    }

    /** The loop reached the next iteration: complete, then wake the parked task, if any. */
    @Override
    public void run() {
        succeed(null);
        if (slot instanceof Frame<?> task) { // run() runs once, so the task is woken once
            task.accept(this); // resumes it right here (see Frame.accept)
        }
    }

    /**
     * Parks {@code task}, a task of this loop awaiting on its thread ({@link Future#whenDone} checked), if
     * this is not done and no task is parked yet; otherwise the caller puts it in the waiter chain.
     */
    boolean park(Frame<?> task) {
        if (!(slot instanceof EventLoop) || isDone()) {
            return false;
        }
        SLOT.setRelease(this, task);
        return true;
    }

    /**
     * Cancels the yield: at once on the loop thread; from another thread the request is handed to the loop
     * (a confined future is written by its loop only), and {@code true} means it was queued.
     */
    @Override
    public boolean cancel() {
        EventLoop loop = loop();
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
