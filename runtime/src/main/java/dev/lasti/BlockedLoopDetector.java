package dev.lasti;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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

    private static final VarHandle STAMP;

    static {
        try {
            STAMP = MethodHandles.lookup().findVarHandle(BlockedLoopDetector.class, "stamp", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long thresholdNanos;
    private volatile Thread loopThread;
    /**
     * Which iteration the loop is in (1, 2, ...), or 0 while it waits for I/O. The loop thread writes it
     * with a plain release store, no clock read and no fence, so stamping costs next to nothing per
     * iteration; the checker thread measures time itself, from when it first saw a stamp.
     */
    @SuppressWarnings("unused") // through STAMP
    private long stamp;
    /** Loop thread only: the last iteration number handed out. */
    private long iterations;
    /** Checker thread only: the stamp seen at the previous check, when it was first seen, and the stamp reported. */
    private long seen;
    private long seenSince;
    private long reported;
    /** Checker thread only: the current stamp was last seen with its thread suspended (a debugger's pause). */
    private boolean pauseSeen;
    private long lastCheck;
    private long periodNanos;
    private ScheduledFuture<?> check;

    BlockedLoopDetector(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    void start() {
        if (thresholdNanos <= 0) {
            return;
        }
        loopThread = Thread.currentThread();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), thresholdNanos / 4);
        periodNanos = period;
        check = Checker.THREAD.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * The loop is bound: from here on it counts as busy, so blocking in the entry method before its first
     * await (which runs before the first iteration) is reported like blocking in any iteration. Loop thread.
     */
    void bound() {
        busy();
    }

    /** An iteration starts. Loop thread. */
    void busy() {
        STAMP.setRelease(this, ++iterations);
    }

    /** The loop is about to block in select. Loop thread. */
    void idle() {
        STAMP.setRelease(this, 0L);
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }

    /**
     * Runs every quarter threshold. A stamp that has not changed since the checker first saw it means the
     * loop has been in one iteration at least that long; the report's duration is a lower bound.
     */
    private void check() {
        long s = (long) STAMP.getAcquire(this);
        long now = System.nanoTime();
        boolean paused = lastCheck != 0 && now - lastCheck > 4 * periodNanos + thresholdNanos;
        lastCheck = now;
        if (s == 0 || s != seen || paused) {
            // paused: this thread itself did not run for a long while, so the whole VM was stopped (a
            // debugger's suspend-all breakpoint, a long safepoint): that time is not the loop's doing
            seen = s;
            seenSince = now;
            pauseSeen = false;
            return;
        }
        long busy = now - seenSince;
        if ((busy > thresholdNanos || pauseSeen) && s != reported) {
            Thread t = loopThread;
            // A debugger's pause is not the loop's doing. Once one is seen, every check asks again, so
            // the resume is noticed within one period; the clock restarts at the first check after it.
            // (Asking only past the threshold raced: a resume just after a reset was reported as blocked.)
            boolean suspended = Running.isSuspended(t);
            if (suspended || pauseSeen) {
                seenSince = now;
                pauseSeen = suspended;
                return;
            }
            StackTraceElement[] stack = t.getStackTrace();
            if ((long) STAMP.getAcquire(this) != s) {
                return; // the iteration ended while we took the stack, which would show the idle loop
            }
            reported = s;
            Throwable where = new Throwable("stack of " + t.getName() + " while blocked");
            where.setStackTrace(stack);
            String running = Running.describe(stack);
            LoopEvents.blocked(t.getName(), TimeUnit.NANOSECONDS.toMillis(busy), running);
            LOG.log(System.Logger.Level.WARNING, "lasti: event loop thread " + t.getName() + " has been busy for at least "
                    + TimeUnit.NANOSECONDS.toMillis(busy) + " ms without returning to the loop, "
                    + running + "; move blocking work to EventLoop.blocking(...)", where);
        }
    }
}
