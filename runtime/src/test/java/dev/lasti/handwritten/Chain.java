package dev.lasti.handwritten;

import dev.lasti.Future;
import dev.lasti.internal.Frame;

/**
 * One await and a value: the smallest async method, written by hand exactly as the transformer emits it
 * (see {@link Frame}'s class comment for the contract).
 *
 * <pre>{@code
 * // What the user writes:
 * @Async
 * static Future<Integer> link(Future<Integer> previous) {
 *     int v = await(previous);
 *     return Future.completed(v + 1);
 * }
 * }</pre>
 */
final class Chain {
    private Chain() {}

    /**
     * The original method, with the await replaced by the done-check fast path. The body sits under a
     * catch-all that turns an escaping exception into a failed future; the suspend block is outside it
     * (the labelled break is how Java source leaves the handler's range, as the bytecode's jump does).
     */
    static Future<Integer> link(Future<Integer> previous) {
        Future<Integer> f;
        body:
        {
            try {
                f = previous;
                if (!f.isDone()) {
                    break body; // to suspend_1
                }
                int v = f.join(); // await #1, line "int v = await(previous);"
                return Future.completed(v + 1);
            } catch (Throwable t) {
                return Future.failed(t);
            }
        }
        // suspend_1: the only allocation, and only when the future is pending
        link$Frame frame = new link$Frame();
        frame.resumePoint = 1; // no local is live across the await: nothing else to save
        return frame.start(f);
    }

    /** The body again, entered at the await given by {@code frame.resumePoint}. */
    @SuppressWarnings("unchecked")
    static Object link$resume(link$Frame frame) {
        Future<Integer> f;
        switch (frame.resumePoint) {
            case 1:
                f = (Future<Integer>) frame.awaited();
                break;
            default:
                throw new IllegalStateException("bad resume point in Chain.link(Future): "
                        + frame.resumePoint);
        }
        if (!f.isDone()) { // the resume jumps back to the done-check of await #1, which now passes
            frame.resumePoint = 1;
            return frame.suspend(f);
        }
        int v = f.join(); // await #1: done now (or cancelled, and then it throws here)
        return frame.returnValue(v + 1); // `return Future.completed(..)` completes the frame in place
    }

    /** The frame: binary name {@code Chain$link$Frame}, a nestmate of {@code Chain}. */
    static final class link$Frame extends Frame<Integer> {
        static { // once, at the first suspension: a frame of another format fails here
            Frame.checkFormat(Contract.FORMAT, link$Frame.class);
        }

        /** The resume index: this class's own field, so the owner's code sets it with a plain putfield. */
        int resumePoint;

        /** Test instrumentation, not generated: how many frames were ever allocated. */
        static int constructed;

        link$Frame() {
            constructed++;
        }

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            return link$resume(this);
        }
    }
}
