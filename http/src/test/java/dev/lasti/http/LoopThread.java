package dev.lasti.http;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An event loop running on its own thread, for tests that drive it from the JUnit thread with blocking
 * clients. {@link #call} runs code on the loop; {@link #await} also waits for the future it returns.
 */
public final class LoopThread implements AutoCloseable {
    // Starting a thousand connects in one callback legitimately takes a while on 2 cores.
    private final EventLoop loop = EventLoop.builder().blockedThreshold(Duration.ofSeconds(1)).build();
    private final Thread thread;

    public LoopThread(String name) {
        thread = new Thread(loop::runForever, name);
        thread.setDaemon(true);
        thread.start();
    }

    public EventLoop loop() {
        return loop;
    }

    /** Runs {@code action} on the loop thread and returns its result. */
    public <T> T call(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return get(result, Duration.ofSeconds(30));
    }

    /** Starts {@code action} on the loop and waits up to {@code timeout} for the future it returns. */
    public <T> T await(Supplier<Future<T>> action, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                action.get().whenDone(f -> {
                    Throwable c = f.cause();
                    if (c != null) {
                        result.completeExceptionally(c);
                    } else {
                        result.complete(f.resultNow());
                    }
                });
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return get(result, timeout);
    }

    /** Like {@link #await}, but returns the failure, and fails the test if there is none. */
    public Throwable failureOf(Supplier<? extends Future<?>> action, Duration timeout) {
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                action.get().whenDone(f -> result.complete(f.cause()));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        Throwable failure = get(result, timeout);
        if (failure == null) {
            throw new AssertionError("expected the future to fail, but it succeeded");
        }
        return failure;
    }

    /** A future that completes on the loop thread with {@code source}'s outcome once it is done. */
    public static <A, B> Future<B> then(Future<A> source, Function<A, Future<B>> next) {
        Promise<B> p = new Promise<>();
        source.whenDone(done -> {
            Throwable c = done.cause();
            if (c != null) {
                p.fail(c);
                return;
            }
            try {
                next.apply(done.resultNow()).whenDone(p::completeWith);
            } catch (Throwable t) {
                p.fail(t);
            }
        });
        return p;
    }

    private static <T> T get(CompletableFuture<T> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("not done after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
        thread.join(10_000);
    }
}
