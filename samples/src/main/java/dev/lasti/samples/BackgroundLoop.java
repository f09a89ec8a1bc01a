package dev.lasti.samples;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An event loop on its own daemon thread, for the in-process servers the client samples talk to. The
 * blocking client (S2) cannot share a loop with its server: it would block the loop it waits for.
 */
final class BackgroundLoop implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EventLoop loop = EventLoop.create();
    private final Thread thread;

    BackgroundLoop(String name) {
        thread = new Thread(loop::runForever, name);
        thread.setDaemon(true); // a sample that fails half-way must not keep the JVM alive
        thread.start();
    }

    /** Runs {@code action} on the loop thread and waits for the future it returns. */
    <T> T await(Supplier<Future<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                action.get().whenDone(f -> {
                    if (f.cause() != null) {
                        result.completeExceptionally(f.cause());
                    } else {
                        result.complete(f.resultNow());
                    }
                });
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return get(result);
    }

    /** Runs {@code action} on the loop thread and returns its result. */
    <T> T call(Supplier<T> action) {
        return await(() -> Future.completed(action.get()));
    }

    private static <T> T get(CompletableFuture<T> result) {
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed on the background loop: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the background loop did not answer in " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the loop and waits for its thread to end. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
