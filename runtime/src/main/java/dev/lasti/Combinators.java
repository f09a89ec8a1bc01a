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

/**
 * The implementations behind {@link Future}'s static combinators, kept out of its way.
 *
 * <p>Where cancelling a combined future must reach its inputs, the result overrides {@link Future#cancel}
 * rather than watching for its own cancellation: an input that is cancelled fails the result with a
 * CancellationException too, and that must not cancel the input's siblings (asyncio's {@code gather}
 * does not either).
 */
final class Combinators {
    private Combinators() {}

    static <T> Future<List<T>> all(List<? extends Future<? extends T>> futures) {
        List<Future<? extends T>> inputs = List.copyOf(futures);
        if (inputs.isEmpty()) {
            return Future.completed(List.of());
        }
        CancelsInputs<List<T>> result = new CancelsInputs<>(inputs);
        Object[] values = new Object[inputs.size()];
        AtomicInteger pending = new AtomicInteger(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).whenDone(new AllInput<T>(result, values, pending, i));
        }
        return result;
    }

    static <K, V> Future<Map<K, V>> all(Map<K, ? extends Future<? extends V>> futures) {
        List<K> keys = new ArrayList<>(futures.keySet());
        List<Future<? extends V>> values = new ArrayList<>(futures.values());
        Future<List<V>> list = all(values);
        CancelsInputs<Map<K, V>> result = new CancelsInputs<>(List.of(list)); // the list waits for its inputs
        list.whenDone(new Relayed<Future<List<V>>>(result, f -> {
            if (f.isFailed()) {
                result.fail(f.cause());
                return;
            }
            List<V> got = f.resultNow();
            Map<K, V> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), got.get(i));
            }
            result.complete(Collections.unmodifiableMap(map));
        }));
        return result;
    }

    static <T> Future<T> any(List<? extends Future<? extends T>> futures) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Future.any needs at least one future");
        }
        Promise<T> result = new AnyResult<>();
        for (Future<? extends T> input : List.copyOf(futures)) {
            // completeWith leaves a losing failure with its input, which reports it if nobody else looks
            input.whenDone(new Relayed<Future<? extends T>>(result, result::completeWith));
        }
        return result;
    }

    static <T> Future<T> from(CompletionStage<T> stage) {
        FromStage<T> result = new FromStage<>(stage);
        stage.whenComplete((value, error) -> {
            if (error != null) {
                // dependent stages wrap the original failure; await promises the original
                result.fail(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                result.complete(value);
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
        if (inner.isDone()) {
            return inner; // nothing to time: no timer, no allocation (not even the loop's thread-local lookup)
        }
        EventLoop loop = EventLoop.current();
        Timeout<T> result = new Timeout<>(inner);
        result.timer = loop.callLater(timeout, () -> {
            result.expired = new TimeoutException("timed out after " + timeout.toMillis() + " ms");
            inner.cancel(); // the result fails once the inner work has unwound (asyncio's wait_for waits too)
        });
        inner.whenDone(new Relayed<Future<T>>(result, f -> {
            result.timer.cancel();
            if (result.expired != null && f.isCancelled()) {
                result.fail(result.expired);
            } else {
                result.completeWith(f); // done, or failed, before the cancellation could stop it: keep that
            }
        }));
        return result;
    }

    /** "all", "any", "withTimeout" or "from" for a combinator's result, {@code null} for any other future. */
    static String kindOf(Future<?> f) {
        if (f instanceof CancelsInputs<?>) {
            return "all";
        } else if (f instanceof FromStage<?>) {
            return "from";
        } else if (f instanceof Timeout<?>) {
            return "withTimeout";
        } else if (f instanceof AnyResult<?>) {
            return "any";
        }
        return null;
    }

    /** The result of {@code any}: a plain promise, but named so the task tree can say what it is. */
    private static final class AnyResult<T> extends Promise<T> {}

    /**
     * A combinator's callback on an input that names the future it feeds, so an async stack trace goes on
     * through the combinator (see {@link AsyncTrace.Relay}). Only combinators pay for the extra object.
     */
    private record Relayed<F extends Future<?>>(Future<?> target, java.util.function.Consumer<? super F> action)
            implements java.util.function.Consumer<F>, AsyncTrace.Relay {
        @Override
        public void accept(F f) {
            action.accept(f);
        }
    }

    /**
     * {@code all}'s callback on input {@code index}: fail fast, or store the value; the last input to finish
     * completes the list, or, after a cancellation of the result, the cancellation.
     */
    private record AllInput<T>(CancelsInputs<List<T>> target, Object[] values, AtomicInteger pending, int index)
            implements java.util.function.Consumer<Future<? extends T>>, AsyncTrace.Relay {
        @Override
        public void accept(Future<? extends T> f) {
            CancelsInputs<List<T>> result = target;
            if (!f.isFailed()) {
                values[index] = f.resultNow();
            }
            // the decrement publishes values[index] to whichever thread sees zero
            boolean last = pending.decrementAndGet() == 0;
            if (result.isDone()) {
                return; // a later failure stays unretrieved, so it is still reported, not lost
            }
            if (result.cancelling) {
                if (last) {
                    result.cancelNow();
                }
            } else if (f.isFailed()) {
                @SuppressWarnings("unchecked") // a failed future has no value, so any type fits
                Future<List<T>> failed = (Future<List<T>>) (Future<?>) f;
                result.completeWith(failed);
            } else if (last) {
                @SuppressWarnings("unchecked")
                List<T> list = (List<T>) Collections.unmodifiableList(Arrays.asList(values));
                result.complete(list); // not List.of: values may be null
            }
        }
    }

    /**
     * The result of {@code all}: cancelling it cancels every input, and it completes as cancelled once
     * every input is done, so a task that awaits it resumes after their {@code finally} blocks.
     */
    private static final class CancelsInputs<T> extends Promise<T> {
        private final List<? extends Future<?>> inputs;
        /** Set by {@link #cancel}; read by the inputs' callbacks, on whatever thread completes them. */
        volatile boolean cancelling;

        CancelsInputs(List<? extends Future<?>> inputs) {
            this.inputs = inputs;
        }

        @Override
        public boolean cancel() {
            if (isDone()) {
                return false;
            }
            if (!cancelling) {
                cancelling = true; // first, so the last input's callback completes this as cancelled
                inputs.forEach(Future::cancel);
            }
            return true;
        }

        void cancelNow() {
            super.cancel();
        }
    }

    /** The result of {@code from}: cancelling it tries to cancel the stage. */
    private static final class FromStage<T> extends Promise<T> {
        private final CompletionStage<T> stage;

        FromStage(CompletionStage<T> stage) {
            this.stage = stage;
        }

        @Override
        public boolean cancel() {
            if (!super.cancel()) {
                return false;
            }
            try {
                stage.toCompletableFuture().cancel(false);
            } catch (UnsupportedOperationException ignored) {
                // a stage that cannot be viewed as a CompletableFuture cannot be cancelled either
            }
            return true;
        }
    }

    /**
     * The result of {@code withTimeout}: cancelling it drops the timer and cancels the inner future, and it
     * completes when that one is done, as {@code all}'s result does.
     */
    private static final class Timeout<T> extends Promise<T> {
        private final Future<T> inner;
        /** Set right after construction, on the loop thread, before any callback can read it. */
        TimerHandle timer;
        /** Set when the time is up, on the loop thread; read by the inner future's callback on any thread. */
        volatile TimeoutException expired;

        Timeout(Future<T> inner) {
            this.inner = inner;
        }

        @Override
        public boolean cancel() {
            if (isDone()) {
                return false;
            }
            timer.cancel();
            inner.cancel();
            return true;
        }
    }
}
