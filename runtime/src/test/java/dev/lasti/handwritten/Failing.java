package dev.lasti.handwritten;

import dev.lasti.Future;
import dev.lasti.internal.Frame;

/**
 * An exception that escapes the body after a suspension fails the task's future.
 *
 * <pre>{@code
 * // What the user writes:
 * @Async
 * static Future<Void> failAfter(Future<?> gate, String message) {
 *     await(gate);
 *     throw new IllegalStateException(message);
 * }
 * }</pre>
 */
final class Failing {
    private Failing() {}

    static Future<Void> failAfter(Future<?> gate, String message) {
        Future<?> f;
        body:
        {
            try {
                f = gate;
                if (!f.isDone()) {
                    break body; // to suspend_1, outside the catch-all
                }
                f.join();
                throw new IllegalStateException(message);
            } catch (Throwable t) {
                return Future.failed(t); // before any suspension, the exception fails the returned future
            }
        }
        failAfter$Frame frame = new failAfter$Frame();
        frame.local1$message = message;
        frame.resumePoint = 1;
        return frame.start(f);
    }

    static Object failAfter$resume(failAfter$Frame frame) {
        String message;
        Future<?> f;
        switch (frame.resumePoint) {
            case 1:
                message = frame.local1$message;
                frame.local1$message = null;
                f = frame.awaited();
                break;
            default:
                throw new IllegalStateException("bad resume point in Failing.failAfter(Future, String): "
                        + frame.resumePoint);
        }
        if (!f.isDone()) { // the resume jumps back to the done-check of await #1, which now passes
            frame.local1$message = message;
            frame.resumePoint = 1;
            return frame.suspend(f);
        }
        f.join();
        throw new IllegalStateException(message); // no catch-all here: Frame.run catches it, fails the task
    }

    static final class failAfter$Frame extends Frame<Void> {
        static { // once, at the first suspension: a frame of another format fails here
            Frame.checkFormat(Contract.FORMAT, failAfter$Frame.class);
        }

        /** The resume index: this class's own field, so the owner's code sets it with a plain putfield. */
        int resumePoint;

        String local1$message;

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            return failAfter$resume(this);
        }
    }
}
