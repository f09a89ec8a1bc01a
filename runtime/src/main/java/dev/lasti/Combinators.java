package dev.lasti;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The implementations behind {@link Future}'s static combinators, kept out of its way. */
final class Combinators {
    private Combinators() {}

    static <T> Future<List<T>> all(List<? extends Future<? extends T>> futures) {
        List<Future<? extends T>> inputs = List.copyOf(futures);
        if (inputs.isEmpty()) {
            return Future.completed(List.of());
        }
        Promise<List<T>> result = new Promise<>();
        Object[] values = new Object[inputs.size()];
        AtomicInteger pending = new AtomicInteger(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            inputs.get(i).whenDone(f -> {
                if (result.isDone()) {
                    return; // a later failure stays unretrieved, so it is still reported, not lost
                }
                if (f.isFailed()) {
                    result.fail(f.cause());
                    return;
                }
                values[index] = f.resultNow();
                if (pending.decrementAndGet() == 0) {
                    @SuppressWarnings("unchecked")
                    List<T> list = (List<T>) Collections.unmodifiableList(Arrays.asList(values));
                    result.complete(list); // not List.of: values may be null
                }
            });
        }
        cancelInputsOnCancel(result, inputs);
        return result;
    }

    static <K, V> Future<Map<K, V>> all(Map<K, ? extends Future<? extends V>> futures) {
        List<K> keys = new ArrayList<>(futures.keySet());
        List<Future<? extends V>> values = new ArrayList<>(futures.values());
        Promise<Map<K, V>> result = new Promise<>();
        all(values).whenDone(f -> {
            if (f.isFailed()) {
                result.fail(f.cause());
                return;
            }
            List<V> list = f.resultNow();
            Map<K, V> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), list.get(i));
            }
            result.complete(Collections.unmodifiableMap(map));
        });
        cancelInputsOnCancel(result, values);
        return result;
    }

    static <T> Future<T> any(List<? extends Future<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Future.any needs at least one future");
        }
        Promise<T> result = new Promise<>();
        for (Future<? extends T> input : List.copyOf(futures)) {
            input.whenDone(f -> {
                if (!result.isDone()) {
                    result.completeWith(f);
                }
            });
        }
        return result;
    }

    static <T> Future<T> from(CompletionStage<T> stage) {
        Promise<T> result = new Promise<>();
        stage.whenComplete((value, error) -> {
            if (error != null) {
                result.fail(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                result.complete(value);
            }
        });
        result.whenDone(f -> {
            if (f.isCancelled()) {
                try {
                    stage.toCompletableFuture().cancel(false);
                } catch (UnsupportedOperationException ignored) {
                    // a stage that cannot be viewed as a CompletableFuture cannot be cancelled either
                }
            }
        });
        return result;
    }

    static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        future.whenDone(f -> {
            Throwable error = f.isFailed() ? f.cause() : null;
            if (error != null) {
                cf.completeExceptionally(error);
            } else {
                cf.complete(f.resultNow());
            }
        });
        cf.whenComplete((v, e) -> {
            if (cf.isCancelled()) {
                future.cancel();
            }
        });
        return cf;
    }

    static <T> Future<T> withTimeout(Future<T> inner, Duration timeout) {
        EventLoop loop = EventLoop.current();
        Promise<T> result = new Promise<>();
        TimerHandle timer = loop.callLater(timeout, () -> {
            if (result.fail(new TimeoutException("timed out after " + timeout.toMillis() + " ms"))) {
                inner.cancel();
            }
        });
        inner.whenDone(f -> {
            timer.cancel();
            if (!result.isDone()) {
                result.completeWith(f);
            }
        });
        result.whenDone(f -> {
            if (f.isCancelled()) {
                inner.cancel();
            }
        });
        return result;
    }

    private static void cancelInputsOnCancel(Future<?> result, List<? extends Future<?>> inputs) {
        result.whenDone(f -> {
            if (f.isCancelled()) {
                inputs.forEach(Future::cancel);
            }
        });
    }
}
