package dev.lasti.handwritten;

import dev.lasti.Future;
import dev.lasti.internal.Frame;
import dev.lasti.internal.Frames;
import java.util.concurrent.CompletionStage;

/**
 * Which thread the body runs on after an await, for a {@link Future} and for a {@link CompletionStage}.
 *
 * <pre>{@code
 * // What the user writes:
 * @Async
 * static Future<Thread> threadAfter(CompletionStage<?> stage) {
 *     await(stage);
 *     return Future.completed(Thread.currentThread());
 * }
 * }</pre>
 * ({@code await(Future)} is the same without {@link Frames#isDone(CompletionStage)} and {@link Frames#adapt}.)
 */
final class Where {
    private Where() {}

    static Future<Thread> threadAfter(CompletionStage<?> stage) {
        Future<?> f;
        body:
        {
            try {
                if (Frames.isDone(stage)) { // a done stage gives its outcome straight away: nothing allocated
                    Frames.resultNow(stage);
                } else {
                    f = Frames.adapt(stage); // a pending stage is adapted, then it is a Future
                    if (!f.isDone()) {
                        break body; // to suspend_1, outside the catch-all
                    }
                    f.join();
                }
                return Future.completed(Thread.currentThread());
            } catch (Throwable t) {
                return Future.failed(t);
            }
        }
        threadAfter$Frame frame = new threadAfter$Frame();
        frame.resumePoint = 1;
        return frame.start(f);
    }

    static Object threadAfter$resume(threadAfter$Frame frame) {
        Future<?> f;
        switch (frame.resumePoint) {
            case 1:
                f = frame.awaited();
                break;
            default:
                throw new IllegalStateException("bad resume point in Where.threadAfter(CompletionStage): "
                        + frame.resumePoint);
        }
        if (!f.isDone()) { // the resume jumps back to the done-check of await #1, which now passes
            frame.resumePoint = 1;
            return frame.suspend(f);
        }
        f.join();
        return frame.returnValue(Thread.currentThread());
    }

    static final class threadAfter$Frame extends Frame<Thread> {
        static { // once, at the first suspension: a frame of another format fails here
            Frame.checkFormat(Contract.FORMAT, threadAfter$Frame.class);
        }

        /** The resume index: this class's own field, so the owner's code sets it with a plain putfield. */
        int resumePoint;

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            return threadAfter$resume(this);
        }
    }
}
