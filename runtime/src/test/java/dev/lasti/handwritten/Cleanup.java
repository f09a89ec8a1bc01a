package dev.lasti.handwritten;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.internal.Frame;
import java.time.Duration;
import java.util.List;

/**
 * An await inside {@code finally}. javac copies the finally block onto each exit: the normal exit and
 * the catch-any handler. So there are three await sites. The handler's copy keeps the pending exception
 * in a local, which must be saved across the await and rethrown after it; the normal exit evaluates the
 * returned future first (javac keeps it in a local, too) and runs its finally copy after, so that future
 * is saved across await #2. Both locals have no name in javac's table, hence the fields {@code local2}
 * and {@code local3}.
 *
 * <pre>{@code
 * // What the user writes:
 * @Async
 * static Future<String> withCleanup(Future<?> work, List<String> log) {
 *     try {
 *         await(work);                                            // await #1
 *         return Future.completed("done");
 *     } finally {
 *         log.add("cleanup started");
 *         await(EventLoop.sleep(Duration.ofHours(1)));            // #2 (normal copy), #3 (handler copy)
 *         log.add("cleanup finished");
 *     }
 * }
 * }</pre>
 */
final class Cleanup {
    private Cleanup() {}

    static Future<String> withCleanup(Future<?> work, List<String> log) {
        Future<?> f = null; // the future of the await that must wait
        Future<String> result = null; // javac's slot 2: the value of `return`, live across await #2
        Throwable pending = null; // javac's slot 3: the exception, live across await #3
        int site;
        body:
        {
            try { // the transformer's catch-all
                try {
                    f = work;
                    if (!f.isDone()) {
                        site = 1; // suspending is not leaving the try: no finally copy on the way
                        break body;
                    }
                    f.join(); // await #1
                    result = Future.completed("done"); // `return` evaluates its value, then runs the finally
                } catch (Throwable t) { // javac's catch-any handler: the finally copy for the exceptional exit
                    log.add("cleanup started");
                    f = EventLoop.sleep(Duration.ofHours(1));
                    if (!f.isDone()) {
                        pending = t;
                        site = 3;
                        break body;
                    }
                    f.join(); // await #3
                    log.add("cleanup finished");
                    throw t;
                }
                // the finally copy for the normal exit, outside the try's range
                log.add("cleanup started");
                f = EventLoop.sleep(Duration.ofHours(1));
                if (!f.isDone()) {
                    site = 2;
                    break body;
                }
                f.join(); // await #2
                log.add("cleanup finished");
                return result;
            } catch (Throwable t) {
                return Future.failed(t);
            }
        }
        // one suspend block per await, outside every handler, each saving its own live locals
        withCleanup$Frame frame = new withCleanup$Frame();
        switch (site) {
            case 1:
                frame.local1$log = log;
                frame.resumePoint = 1;
                return frame.start(f);
            case 2:
                frame.local1$log = log;
                frame.local2 = result;
                frame.resumePoint = 2;
                return frame.start(f);
            default:
                frame.local1$log = log;
                frame.local3 = pending;
                frame.resumePoint = 3;
                return frame.start(f);
        }
    }

    static Object withCleanup$resume(withCleanup$Frame frame) {
        List<String> log = frame.local1$log;
        frame.local1$log = null; // restored fields are cleared: the frame keeps no garbage alive
        switch (frame.resumePoint) {
            case 1:
                return afterAwait1(frame, log);
            case 2: {
                Future<String> result = frame.local2;
                frame.local2 = null;
                return afterAwait2(frame, log, result, frame.awaited());
            }
            case 3: {
                Throwable t = frame.local3;
                frame.local3 = null;
                return afterAwait3(frame, log, t, frame.awaited());
            }
            default:
                throw new IllegalStateException("bad resume point in Cleanup.withCleanup(Future, List): "
                        + frame.resumePoint);
        }
    }

    /**
     * Case 1, continued: the rest of the body after await #1. The transformer emits it (and cases 2 and 3)
     * inline after the switch; they are methods here only because Java source cannot jump into the middle
     * of a try or of a finally copy.
     */
    private static Object afterAwait1(withCleanup$Frame frame, List<String> log) {
        Future<String> result;
        try {
            Future<?> f = frame.awaited();
            if (!f.isDone()) { // the done-check of await #1, which now passes
                frame.local1$log = log;
                frame.resumePoint = 1;
                return frame.suspend(f);
            }
            f.join(); // await #1: CancellationException here if cancelled
            result = Future.completed("done");
        } catch (Throwable t) {
            log.add("cleanup started");
            return afterAwait3(frame, log, t, EventLoop.sleep(Duration.ofHours(1)));
        }
        log.add("cleanup started");
        return afterAwait2(frame, log, result, EventLoop.sleep(Duration.ofHours(1)));
    }

    /** From the done-check of await #2 (the normal exit's finally copy) to the end. */
    private static Object afterAwait2(withCleanup$Frame frame, List<String> log, Future<String> result,
                                      Future<?> g) {
        if (!g.isDone()) { // same frame, now at await #2
            frame.local1$log = log;
            frame.local2 = result;
            frame.resumePoint = 2;
            return frame.suspend(g);
        }
        g.join(); // await #2
        log.add("cleanup finished");
        return result; // a future in a local: returned as is, not completed in place
    }

    /** From the done-check of await #3 (the handler's finally copy) to the rethrow. */
    private static Object afterAwait3(withCleanup$Frame frame, List<String> log, Throwable t, Future<?> g) {
        if (!g.isDone()) { // same frame, now at await #3
            frame.local1$log = log;
            frame.local3 = t;
            frame.resumePoint = 3;
            return frame.suspend(g);
        }
        g.join(); // await #3: a second cancellation would replace t here
        log.add("cleanup finished");
        throw sneaky(t); // bytecode rethrows with athrow; Java source needs the cast trick
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    static final class withCleanup$Frame extends Frame<String> {
        static { // once, at the first suspension: a frame of another format fails here
            Frame.checkFormat(Contract.FORMAT, withCleanup$Frame.class);
        }

        /** The resume index: this class's own field, so the owner's code sets it with a plain putfield. */
        int resumePoint;

        List<String> local1$log;
        Future<String> local2;
        Throwable local3;

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            return withCleanup$resume(this);
        }
    }
}
