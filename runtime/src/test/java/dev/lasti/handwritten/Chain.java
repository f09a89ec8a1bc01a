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

    /** The original method, with the await replaced by the done-check fast path. */
    static Future<Integer> link(Future<Integer> previous) {
        Future<Integer> f = previous;
        if (!f.isDone()) { // suspend_1: the only allocation, and only when the future is pending
            link$Frame frame = new link$Frame();
            frame.resumePoint = 1; // no local is live across the await: nothing else to save
            return frame.start(f);
        }
        int v = f.resultNow(); // await #1, line "int v = await(previous);"
        return Future.completed(v + 1);
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
                throw new IllegalStateException("bad resume point in Chain.link(Future): " + frame.resumePoint);
        }
        int v = f.resultNow(); // await #1: done now (or cancelled, and then it throws here)
        return Future.completed(v + 1);
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
