package dev.lasti.transformer.testkit;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Decides, for each future a fixture asks for, whether it is already done or completes later, and records
 * an event trace. Fixtures call {@link #value}, {@link #failure} and {@link #stage} to get the futures they
 * await, and {@link #trace} to log events; their plain twins call {@link #plain} and {@link #raise} instead.
 * Run a fixture with {@link #run}.
 */
public final class Schedule {
    /** When the futures handed out complete. */
    public sealed interface Mode {
        /** Every future is already done: no await suspends. */
        record AllDone() implements Mode {}

        /** Every await suspends; the future completes from the loop's queue. */
        record AllSuspend() implements Mode {}

        /** Every await suspends; another thread completes the future. */
        record OtherThread() implements Mode {}

        /** Only the {@code k}-th future handed out (1-based) is pending. */
        record OnlyAt(int k) implements Mode {}

        /** Each future is pending with probability 1/2, from a seeded random sequence. */
        record Random(long seed) implements Mode {}
    }

    /** What a run produced: a value or a failure, plus the trace. */
    public record Outcome(String value, String failure, List<String> trace) {}

    private static Mode mode = new Mode.AllDone();
    private static SplittableRandom random;
    private static int handedOut;
    private static List<String> events = new ArrayList<>();

    private Schedule() {}

    /** Runs {@code main} on a fresh event loop under {@code mode}. */
    public static synchronized Outcome run(Mode mode, Supplier<? extends Future<?>> main) {
        reset(mode);
        try {
            @SuppressWarnings("unchecked")
            Supplier<Future<Object>> typed = () -> (Future<Object>) main.get();
            Object value = EventLoop.run(typed);
            return new Outcome(String.valueOf(value), null, List.copyOf(events));
        } catch (Throwable t) {
            return new Outcome(null, describe(t), List.copyOf(events));
        }
    }

    /** Runs the plain twin of a fixture: no loop, no futures. */
    public static synchronized Outcome runPlain(Supplier<?> main) {
        reset(new Mode.AllDone());
        try {
            return new Outcome(String.valueOf(main.get()), null, List.copyOf(events));
        } catch (Throwable t) {
            return new Outcome(null, describe(t), List.copyOf(events));
        }
    }

    /** How many futures the last run handed out. */
    public static synchronized int handedOut() {
        return handedOut;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + ": " + t.getMessage();
    }

    private static void reset(Mode newMode) {
        mode = newMode;
        random = newMode instanceof Mode.Random r ? new SplittableRandom(r.seed()) : null;
        handedOut = 0;
        events = new ArrayList<>();
    }

    /** Records an event of the trace. */
    public static void trace(String event) {
        events.add(event);
    }

    /** A future of {@code value}, done or pending as the mode says. */
    public static <T> Future<T> value(T value) {
        return complete(p -> p.complete(value));
    }

    /** A future failed with {@code error}, done or pending as the mode says. */
    public static <T> Future<T> failure(Throwable error) {
        return complete(p -> p.fail(error));
    }

    /** A CompletionStage of {@code value}; when pending, completed on another thread. */
    public static <T> CompletionStage<T> stage(T value) {
        if (!pending()) {
            return CompletableFuture.completedFuture(value);
        }
        return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(
                1, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /** A future that never completes unless cancelled. */
    public static <T> Future<T> never() {
        return new Promise<>();
    }

    /** The plain twin of {@code await(value(v))}. */
    public static <T> T plain(T value) {
        return value;
    }

    /** The plain twin of {@code await(failure(e))}: throws {@code error} as is. */
    public static <T> T raise(Throwable error) {
        throw Schedule.<RuntimeException>sneaky(error);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    private static <T> Future<T> complete(java.util.function.Consumer<Promise<T>> outcome) {
        Promise<T> promise = new Promise<>();
        if (!pending()) {
            outcome.accept(promise);
            return promise;
        }
        if (mode instanceof Mode.OtherThread) {
            Thread thread = new Thread(() -> outcome.accept(promise), "schedule-completer");
            thread.setDaemon(true);
            thread.start();
        } else {
            EventLoop.current().execute(() -> outcome.accept(promise));
        }
        return promise;
    }

    private static boolean pending() {
        int n = ++handedOut;
        Mode m = mode;
        if (m instanceof Mode.AllDone) {
            return false;
        } else if (m instanceof Mode.OnlyAt only) {
            return n == only.k();
        } else if (m instanceof Mode.Random) {
            return random.nextBoolean();
        }
        return true;
    }
}
