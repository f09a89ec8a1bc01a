package dev.lasti.junit;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TimeSource;
import dev.lasti.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One test's run: a fresh loop on a thread of its own, so that the caller can give up on it after the
 * timeout even when the loop thread is stuck in user code, and the checks made as the test's future
 * completes, before the loop's shutdown cancels what was left behind.
 */
final class TestLoop {
    /** After a timeout, how long the stopped loop gets to shut down before the test gives up on it. */
    private static final long GRACE_MILLIS = 1_000;

    private final LastiTest.Settings settings;
    private final EventLoop loop;
    private final List<String> problems = new ArrayList<>();
    private final List<Throwable> details = new ArrayList<>();
    /** Loop thread writes, caller reads after join. */
    private Future<?> outcome;
    private Throwable loopError;

    TestLoop(LastiTest.Settings settings) {
        this.settings = settings;
        TimeSource time = settings.realTime() ? TimeSource.system() : new VirtualTime();
        // our own watchdog reports a blocked loop as a test failure, so the runtime's warning would repeat it
        this.loop = EventLoop.builder().timeSource(time).trackFailures(true).blockedThreshold(Duration.ZERO).build();
    }

    @SuppressWarnings("unchecked")
    <T> T run(Supplier<? extends Future<T>> main) {
        Thread thread = new Thread(() -> runLoop(main), "lasti-test-loop");
        thread.setDaemon(true); // a loop stuck past the timeout must not keep the JVM alive
        Watchdog watchdog = new Watchdog(loop, thread, settings.blockedThreshold());
        thread.start();
        watchdog.start();
        boolean finished = join(thread, settings.timeout().toMillis());
        watchdog.stop();
        if (!finished) {
            timedOut(thread);
        }
        synchronized (this) {
            watchdog.report().ifPresent(this::blocked);
            return (T) verdict();
        }
    }

    private <T> void runLoop(Supplier<? extends Future<T>> main) {
        try {
            loop.runUntilComplete(() -> start(main));
        } catch (Throwable t) {
            synchronized (this) {
                loopError = t;
            }
        }
    }

    /** On the loop thread: starts the test and completes the loop's main future after the checks. */
    private Future<Void> start(Supplier<? extends Future<?>> main) {
        Promise<Void> gate = new Promise<>();
        Future<?> test;
        try {
            test = main.get();
            if (test == null) {
                test = Future.failed(new AssertionError("the test returned null instead of a future"));
            }
        } catch (Throwable t) {
            test = Future.failed(t);
        }
        Future<?> started = test;
        started.whenDone(done -> {
            if (loop.isCurrent()) {
                finish(done, gate);
            } else { // completed by another thread: check on the loop, where the task list lives
                loop.execute(() -> finish(done, gate));
            }
        });
        return gate;
    }

    private void finish(Future<?> done, Promise<Void> gate) {
        synchronized (this) {
            done.cause(); // the test's own failure is reported as such, not as an unretrieved one
            outcome = done;
            int left = loop.suspendedTaskCount();
            if (left > 0) {
                problems.add(left + " task(s) were still suspended when the test's future completed;"
                        + " await or cancel every task the test starts");
            }
            for (Throwable lost : loop.unretrievedFailures()) {
                problems.add("a future failed and nobody retrieved its failure: " + lost);
                details.add(lost);
            }
        }
        gate.complete(null);
    }

    private void timedOut(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        loop.stop();
        thread.interrupt(); // in case user code blocks the loop thread in a wait
        join(thread, GRACE_MILLIS);
        synchronized (this) {
            problems.add(0, "the test did not finish within " + settings.timeout().toMillis() + " ms of real time"
                    + (settings.realTime() ? "" : " (the loop runs in virtual time)"));
            details.add(0, stackOf(thread, stack, "stack of the test's loop thread at the timeout"));
            outcome = null;
        }
    }

    private void blocked(Watchdog.Report r) {
        problems.add("the test's event loop was busy for at least " + r.busyMillis() + " ms without returning to"
                + " the loop (threshold " + settings.blockedThreshold().toMillis() + " ms); move blocking work to"
                + " EventLoop.blocking(...)");
        details.add(r.stack());
    }

    /** The test's value, or its failure with the problems attached, or an error naming the problems. */
    private Object verdict() {
        AssertionError checks = problems.isEmpty() ? null : checksFailed();
        if (outcome != null && outcome.isFailed()) {
            Throwable own = outcome.cause();
            if (checks != null) {
                own.addSuppressed(checks);
            }
            throw sneaky(own);
        }
        if (checks != null) {
            throw checks;
        }
        if (outcome == null) {
            throw new AssertionError("lasti: the test's loop ended before its future completed", loopError);
        }
        return outcome.join(); // done: the value, or the failure unwrapped
    }

    private AssertionError checksFailed() {
        String message = problems.size() == 1 ? "lasti: " + problems.get(0)
                : "lasti: " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems);
        AssertionError e = new AssertionError(message, details.isEmpty() ? null : details.get(0));
        for (int i = 1; i < details.size(); i++) {
            e.addSuppressed(details.get(i));
        }
        return e;
    }

    static Throwable stackOf(Thread t, StackTraceElement[] stack, String what) {
        Throwable where = new Throwable(what + " (" + t.getName() + ")");
        where.setStackTrace(stack);
        return where;
    }

    private static boolean join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
