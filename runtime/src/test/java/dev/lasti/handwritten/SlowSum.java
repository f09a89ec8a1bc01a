package dev.lasti.handwritten;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.internal.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An instance method with an await in a loop inside try/finally: the receiver, a parameter and two
 * primitive locals live across the await, and one frame serves every suspension.
 *
 * <pre>{@code
 * // What the user writes:
 * final List<String> log = new ArrayList<>();
 * Future<Void> current;   // the sleep being awaited, so that tests can see it cancelled
 *
 * @Async
 * Future<Integer> sumSlowly(int n) {
 *     int sum = 0;
 *     try {
 *         for (int i = 1; i <= n; i++) {
 *             current = EventLoop.sleep(Duration.ofSeconds(1));
 *             await(current);
 *             sum += i;
 *             log.add("step " + i);
 *         }
 *     } finally {
 *         log.add("finally");
 *     }
 *     return Future.completed(sum);
 * }
 * }</pre>
 *
 * <p>javac compiles {@code finally} into a copy on each normal exit plus a catch-any handler that runs it
 * and rethrows. The transformer keeps the suspend path ({@code return frame.start/suspend}) out of the
 * handler's range and gives it no copy, because suspending is not leaving the try. Below the finally is
 * written the way javac lowers it; in the original method a labelled {@code break} leaves the ranges of
 * that handler and of the transformer's catch-all, as the bytecode's jump to the suspend block does. In the
 * resume method, which has no catch-all, the suspend returns stay inside the try: a {@code return} does
 * not enter a catch handler.
 */
final class SlowSum {
    final List<String> log = new ArrayList<>();
    Future<Void> current;

    Future<Integer> sumSlowly(int n) {
        int sum = 0;
        int i = 0;
        Future<Void> f = null;
        body:
        {
            try { // the transformer's catch-all
                try { // javac's catch-any handler for the finally
                    for (i = 1; i <= n; i++) {
                        current = EventLoop.sleep(Duration.ofSeconds(1));
                        f = current;
                        if (!f.isDone()) {
                            break body; // to suspend_1: out of both handlers' ranges, no finally copy
                        }
                        f.join(); // await #1
                        sum += i;
                        log.add("step " + i);
                    }
                } catch (Throwable t) {
                    log.add("finally");
                    throw t;
                }
                log.add("finally");
                return Future.completed(sum);
            } catch (Throwable t) {
                return Future.failed(t);
            }
        }
        // suspend_1, first time: allocate the frame
        sumSlowly$Frame frame = new sumSlowly$Frame();
        frame.this$0 = this;
        frame.local1$n = n;
        frame.local2$sum = sum;
        frame.local3$i = i;
        frame.resumePoint = 1;
        return frame.start(f);
    }

    @SuppressWarnings("unchecked")
    static Object sumSlowly$resume(sumSlowly$Frame frame) {
        SlowSum self;
        int n;
        int sum;
        int i;
        Future<Void> f;
        switch (frame.resumePoint) {
            case 1:
                self = frame.this$0;
                n = frame.local1$n;
                sum = frame.local2$sum;
                i = frame.local3$i;
                frame.this$0 = null; // cleared on resume: the frame keeps no garbage alive
                f = (Future<Void>) frame.awaited();
                break;
            default:
                throw new IllegalStateException("bad resume point in SlowSum.sumSlowly(int): "
                        + frame.resumePoint);
        }
        try {
            while (true) { // the for loop, entered at await #1 in the middle of its body
                f.join(); // await #1: throws CancellationException if the task was cancelled
                sum += i;
                self.log.add("step " + i);
                i++;
                if (!(i <= n)) {
                    break;
                }
                self.current = EventLoop.sleep(Duration.ofSeconds(1));
                f = self.current;
                if (!f.isDone()) { // suspend_1 again: same frame, no allocation
                    frame.this$0 = self;
                    frame.local1$n = n;
                    frame.local2$sum = sum;
                    frame.local3$i = i;
                    frame.resumePoint = 1;
                    return frame.suspend(f);
                }
            }
        } catch (Throwable t) {
            self.log.add("finally");
            throw t;
        }
        self.log.add("finally");
        return frame.returnValue(sum);
    }

    static final class sumSlowly$Frame extends Frame<Integer> {
        static { // once, at the first suspension: a frame of another format fails here
            Frame.checkFormat(Contract.FORMAT, sumSlowly$Frame.class);
        }

        /** The resume index: this class's own field, so the owner's code sets it with a plain putfield. */
        int resumePoint;

        /** Test instrumentation, not generated. */
        static int constructed;

        SlowSum this$0;
        int local1$n;
        int local2$sum;
        int local3$i;

        sumSlowly$Frame() {
            constructed++;
        }

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            return sumSlowly$resume(this);
        }
    }
}
