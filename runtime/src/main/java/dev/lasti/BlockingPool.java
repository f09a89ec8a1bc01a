package dev.lasti;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads behind {@link EventLoop#blocking}: at most {@code maxThreads} daemon threads, started
 * on demand and stopped after a minute idle, with an unbounded queue in front (Tornado's {@code
 * ThreadPoolExecutor} pattern). Created lazily, so a loop that never blocks never starts a thread.
 *
 * <p>A job's outcome is handed back to the loop, so the future completes on the loop thread and plain
 * {@link Future#whenDone} callbacks run there too, like Tornado's {@code run_on_executor}. Only when the
 * loop has already shut down does the worker complete it itself.
 */
final class BlockingPool {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int maxThreads;
    private final Executor loop;
    private ThreadPoolExecutor executor;
    private boolean shutdown;
    /**
     * Jobs submitted whose end has not reached the loop yet. Loop thread only: {@link #submit} runs there
     * (through {@code EventLoop.current()}), and each job ends with exactly one callback queued on the loop.
     */
    private int inFlight;

    BlockingPool(int maxThreads, Executor loop) {
        this.maxThreads = maxThreads;
        this.loop = loop;
    }

    synchronized <T> Future<T> submit(Callable<T> work) {
        if (shutdown) {
            return Future.failed(new IllegalStateException("the event loop has shut down"));
        }
        if (executor == null) {
            executor = newExecutor();
        }
        Promise<T> result = Promise.described("EventLoop.blocking job");
        inFlight++;
        java.util.concurrent.Future<?> running = executor.submit(() -> {
            Runnable outcome = () -> {};
            if (!result.isDone()) { // else cancelled while queued
                try {
                    T value = work.call();
                    outcome = () -> result.complete(value);
                } catch (Throwable t) {
                    outcome = () -> result.fail(t);
                }
            }
            Runnable ended = outcome;
            try {
                loop.execute(() -> {
                    inFlight--;
                    ended.run();
                });
            } catch (RejectedExecutionException e) {
                ended.run(); // the loop is gone; whoever joins the future still gets the outcome
            }
        });
        result.whenDone(f -> {
            if (f.isCancelled()) {
                running.cancel(true);
            }
        });
        return result;
    }

    /** Jobs whose end has not reached the loop yet; the loop's virtual clock waits for them. Loop thread. */
    int jobsInFlight() {
        return inFlight;
    }

    synchronized void shutdown() {
        shutdown = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private ThreadPoolExecutor newExecutor() {
        int pool = POOL_IDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor e = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "lasti-blocking-" + pool + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        e.allowCoreThreadTimeOut(true);
        return e;
    }
}
