package dev.lasti.junit;

import dev.lasti.EventLoop;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds a blocked test loop from outside, with no help from the runtime: it queues a ping on the loop and
 * measures how long the ping waits. A loop that returns to its queue often answers within one iteration; a
 * ping unanswered past the threshold means the loop thread has been stuck in one iteration at least that
 * long, and its stack at that moment names the culprit. Pings go through {@link EventLoop#execute}, which
 * wakes a loop idle in select, so an idle loop answers at once.
 */
final class Watchdog {
    record Report(long busyMillis, Throwable stack, long pingSentAt) {}

    private static final ScheduledExecutorService CHECKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lasti-test-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final EventLoop loop;
    private final Thread loopThread;
    private final long thresholdNanos;
    /** When the unanswered ping was sent, or 0 when none is out. Checker thread writes, loop clears. */
    private volatile long pingSentAt;
    /** Checker thread only. */
    private Report report;
    private ScheduledFuture<?> task;

    Watchdog(EventLoop loop, Thread loopThread, Duration threshold) {
        this.loop = loop;
        this.loopThread = loopThread;
        this.thresholdNanos = threshold.toNanos();
    }

    void start() {
        if (thresholdNanos > 0) {
            long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), thresholdNanos / 4);
            task = CHECKER.scheduleAtFixedRate(this::check, 0, period, TimeUnit.NANOSECONDS);
        }
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
            try { // let a check in progress finish, so report() sees what it found
                CHECKER.submit(() -> { }).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The longest stall seen, if any passed the threshold. Call after {@link #stop}. */
    Optional<Report> report() {
        return Optional.ofNullable(report);
    }

    private void check() {
        long sent = pingSentAt;
        long now = System.nanoTime();
        if (sent == 0) {
            ping(now);
            return;
        }
        long waited = now - sent;
        if (waited <= thresholdNanos || !loopThread.isAlive()) {
            return;
        }
        if (report != null && report.pingSentAt() == sent) { // the same stall goes on: keep its first stack
            report = new Report(TestLoop.millis(waited), report.stack(), sent);
            return;
        }
        StackTraceElement[] stack = loopThread.getStackTrace();
        if (pingSentAt == sent && stack.length > 0 && (report == null || TestLoop.millis(waited) > report.busyMillis())) {
            // still unanswered, so the stack shows the stall, not the idle loop
            report = new Report(TestLoop.millis(waited),
                    TestLoop.stackOf(loopThread, stack, "stack of the test's loop thread while blocked"), sent);
        }
    }

    private void ping(long now) {
        pingSentAt = now;
        try {
            loop.execute(() -> pingSentAt = 0);
        } catch (RejectedExecutionException e) {
            pingSentAt = 0; // the loop has shut down; nothing left to watch
        }
    }
}
