package dev.lasti;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Warns when a loop thread stays busy in one iteration for longer than a threshold, with the thread's
 * stack at that moment, the way Vert.x's {@code BlockedThreadChecker} does. A blocked loop stalls every
 * task on it, so the report names the culprit. One shared daemon thread checks all loops; it measures real
 * time even when the loop runs on {@link VirtualTime}.
 */
final class BlockedLoopDetector {
    private static final System.Logger LOG = System.getLogger("dev.lasti");

    private static final class Checker {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lasti-blocked-loop-checker");
            t.setDaemon(true);
            return t;
        });
    }

    private final long thresholdNanos;
    private volatile Thread loopThread;
    /** System.nanoTime() when the current iteration started working, or 0 while waiting for I/O. */
    private volatile long busySince;
    /** The busySince value already reported, so one stall is reported once. */
    private long reported;
    private ScheduledFuture<?> check;

    BlockedLoopDetector(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    void start() {
        if (thresholdNanos <= 0) {
            return;
        }
        loopThread = Thread.currentThread();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), thresholdNanos / 2);
        check = Checker.THREAD.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    /** An iteration starts. Loop thread. */
    void busy() {
        if (thresholdNanos > 0) {
            busySince = System.nanoTime();
        }
    }

    /** The loop is about to block in select. Loop thread. */
    void idle() {
        busySince = 0;
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }

    private void check() {
        long since = busySince;
        if (since == 0 || since == reported) {
            return;
        }
        long busy = System.nanoTime() - since;
        if (busy > thresholdNanos) {
            Thread t = loopThread;
            StackTraceElement[] stack = t.getStackTrace();
            if (busySince != since) {
                return; // the iteration ended while we took the stack, which would show the idle loop
            }
            reported = since;
            Throwable where = new Throwable("stack of " + t.getName() + " while blocked");
            where.setStackTrace(stack);
            LOG.log(System.Logger.Level.WARNING, "lasti: event loop thread " + t.getName() + " has been busy for "
                    + TimeUnit.NANOSECONDS.toMillis(busy) + " ms without returning to the loop; "
                    + "move blocking work to EventLoop.blocking(...)", where);
        }
    }
}
