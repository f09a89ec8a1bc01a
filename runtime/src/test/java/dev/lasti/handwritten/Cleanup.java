package dev.lasti.handwritten;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.internal.Frame;
import java.time.Duration;
import java.util.List;

/**
 * An await inside {@code finally}. javac copies the finally block onto each exit: the normal exit and
 * the catch-any handler. So there are three await sites, and the handler's copy keeps the pending
 * exception in a local, which must be saved across the await and rethrown after it.
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
        Throwable pending = null; // javac's local for the exception, live across await #3
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
                    f.resultNow(); // await #1
                } catch (Throwable t) { // javac's catch-any handler: the finally copy for the exceptional exit
                    log.add("cleanup started");
                    f = EventLoop.sleep(Duration.ofHours(1));
                    if (!f.isDone()) {
                        pending = t;
                        site = 3;
                        break body;
                    }
                    f.resultNow(); // await #3
                    log.add("cleanup finished");
                    throw t;
                }
                // the finally copy for the normal exit, before `return Future.completed("done")`
                log.add("cleanup started");
                f = EventLoop.sleep(Duration.ofHours(1));
                if (!f.isDone()) {
                    site = 2;
                    break body;
                }
                f.resultNow(); // await #2
                log.add("cleanup finished");
                return Future.completed("done");
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
                frame.resumePoint = 2;
                return frame.start(f);
            default:
                frame.local1$log = log;
                frame.local2$t = pending;
                frame.resumePoint = 3;
                return frame.start(f);
        }
    }

    static Object withCleanup$resume(withCleanup$Frame frame) {
        List<String> log = frame.local1$log;
        frame.local1$log = null;
        switch (frame.resumePoint) {
            case 1:
                return afterAwait1(frame, log);
            case 2: {
                frame.awaited().resultNow(); // await #2
                log.add("cleanup finished");
                return frame.returnValue("done");
            }
            case 3: {
                Throwable t = frame.local2$t;
                frame.local2$t = null;
                frame.awaited().resultNow(); // await #3: a second cancellation would replace t here
                log.add("cleanup finished");
                throw sneaky(t); // bytecode rethrows with athrow; Java source needs the cast trick
            }
            default:
                throw new IllegalStateException("bad resume point in Cleanup.withCleanup(Future, List): "
                        + frame.resumePoint);
        }
    }

    /**
     * Case 1, continued: the rest of the body after await #1. The transformer emits it inline in the
     * switch; it is a method here only because Java source cannot jump into the middle of a try.
     */
    private static Object afterAwait1(withCleanup$Frame frame, List<String> log) {
        try {
            frame.awaited().resultNow(); // await #1: CancellationException here if cancelled
        } catch (Throwable t) {
            log.add("cleanup started");
            Future<Void> g = EventLoop.sleep(Duration.ofHours(1));
            if (!g.isDone()) { // same frame, now at await #3
                frame.local1$log = log;
                frame.local2$t = t;
                frame.resumePoint = 3;
                return frame.suspend(g);
            }
            g.resultNow();
            log.add("cleanup finished");
            throw t;
        }
        log.add("cleanup started");
        Future<Void> g = EventLoop.sleep(Duration.ofHours(1));
        if (!g.isDone()) {
            frame.local1$log = log;
            frame.resumePoint = 2;
            return frame.suspend(g);
        }
        g.resultNow();
        log.add("cleanup finished");
        return frame.returnValue("done");
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
        Throwable local2$t;

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
