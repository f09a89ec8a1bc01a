package dev.lasti.handwritten;

import dev.lasti.Future;
import dev.lasti.internal.Frame;

/**
 * A body that returns a future that is still running, after one await: the task's outcome is the
 * returned future's, whenever that one completes.
 *
 * <pre>{@code
 * // What the user writes:
 * @Async
 * static Future<Integer> relay(Future<?> gate, Future<Integer> next) {
 *     await(gate);
 *     return next;            // not awaited: the task completes when `next` does
 * }
 * }</pre>
 */
final class Relay {
    private Relay() {}

    static Future<Integer> relay(Future<?> gate, Future<Integer> next) {
        Future<?> f;
        body:
        {
            try {
                f = gate;
                if (!f.isDone()) {
                    break body; // to suspend_1, outside the catch-all
                }
                f.join(); // await #1, value discarded
                return next;
            } catch (Throwable t) {
                return Future.failed(t);
            }
        }
        relay$Frame frame = new relay$Frame();
        frame.local1$next = next; // live across await #1
        frame.resumePoint = 1;
        return frame.start(f);
    }

    static Object relay$resume(relay$Frame frame) {
        Future<Integer> next;
        Future<?> f;
        switch (frame.resumePoint) {
            case 1:
                next = frame.local1$next;
                frame.local1$next = null; // the frame must not keep garbage alive
                f = frame.awaited();
                break;
            default:
                throw new IllegalStateException("bad resume point in Relay.relay(Future, Future): "
                        + frame.resumePoint);
        }
        if (!f.isDone()) { // the resume jumps back to the done-check of await #1, which now passes
            frame.local1$next = next;
            frame.resumePoint = 1;
            return frame.suspend(f);
        }
        f.join();
        return next;
    }

    static final class relay$Frame extends Frame<Integer> {
        static { // once, at the first suspension: a frame of another format fails here
            Frame.checkFormat(Contract.FORMAT, relay$Frame.class);
        }

        /** The resume index: this class's own field, so the owner's code sets it with a plain putfield. */
        int resumePoint;

        Future<Integer> local1$next;

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            return relay$resume(this);
        }
    }
}
