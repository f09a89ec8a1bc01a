package dev.lasti.transformer.generator;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The futures a generated async method awaits, completed the way a {@link Policy} says. Generated code
 * writes {@code await(s.next(v))}; its plain twin writes {@code v}. One instance serves one run, on its loop
 * thread, and counts the awaits so a policy can suspend at a chosen one.
 *
 * <p>Why not the shared {@code dev.lasti.transformer.testkit.Schedule}: that one keeps its mode and counters
 * in static fields behind one lock, so only one run at a time can use it, and the generator runs programs on
 * two threads at once. An instance per run has no shared state.
 */
public final class Sched {
    /** How each await of a run completes. */
    sealed interface Policy {
        /** A short name for failure reports, e.g. {@code suspendAt(3)}. */
        String describe();
    }

    /** Every future is done already: the transformed fast path, no suspension at all. */
    record AllDone() implements Policy {
        public String describe() {
            return "allDone";
        }
    }

    /** Every future completes from the loop's queue, so every await suspends and resumes. */
    record AllSuspend() implements Policy {
        public String describe() {
            return "allSuspend";
        }
    }

    /** Every future completes on another thread; the task must resume on its own loop. */
    record OtherThread(Executor completer) implements Policy {
        public String describe() {
            return "otherThread";
        }
    }

    /** Only the {@code k}-th await of the run (1-based) suspends; the others are done already. */
    record SuspendAt(int k) implements Policy {
        public String describe() {
            return "suspendAt(" + k + ")";
        }
    }

    /** Each await is done, suspends through the loop, or completes on another thread, by a seeded coin. */
    record Seeded(long seed, Executor completer) implements Policy {
        public String describe() {
            return "random(" + seed + ")";
        }
    }

    private final Policy policy;
    private final Random random;
    /** Awaits started so far in this run, so {@code SuspendAt(k)} sees 1, 2, 3, ... */
    private int count;

    Sched(Policy policy) {
        this.policy = policy;
        this.random = policy instanceof Seeded s ? new Random(s.seed()) : null;
    }

    /** A future for {@code value}, done or pending as the policy says. */
    public <T> Future<T> next(T value) {
        return deliver(value, null);
    }

    /** A future that fails with {@code new GenException(message)}, done or pending as the policy says. */
    public <T> Future<T> fail(String message) {
        return deliver(null, new GenException(message));
    }

    /**
     * A {@link CompletionStage} for {@code value}, done or pending as the policy says, for the
     * {@code await(CompletionStage)} overload. Its completion never runs the task on the completing thread.
     */
    public <T> CompletionStage<T> stage(T value) {
        CompletableFuture<T> stage = new CompletableFuture<>();
        schedule(() -> stage.complete(value));
        return stage;
    }

    /** What {@code await(s.fail(message))} means in the plain twin: throw right here. */
    public static <T> T raise(String message) {
        throw new GenException(message);
    }

    /** Awaits started so far; lets a test pick meaningful {@code SuspendAt} points. */
    int count() {
        return count;
    }

    private <T> Future<T> deliver(T value, Throwable error) {
        Promise<T> p = new Promise<>();
        schedule(() -> p.handle(value, error));
        return p;
    }

    /** Runs {@code complete} now, from the loop's queue, or on the other thread, as the policy says. */
    private void schedule(Runnable complete) {
        count++;
        // Java 17 has no pattern switch; the chain is exhaustive over the sealed Policy.
        if (policy instanceof AllDone) {
            complete.run();
        } else if (policy instanceof AllSuspend) {
            EventLoop.current().execute(complete);
        } else if (policy instanceof OtherThread o) {
            o.completer().execute(complete);
        } else if (policy instanceof SuspendAt at) {
            if (count == at.k()) {
                EventLoop.current().execute(complete);
            } else {
                complete.run();
            }
        } else if (policy instanceof Seeded s) {
            switch (random.nextInt(3)) {
                case 0 -> complete.run();
                case 1 -> EventLoop.current().execute(complete);
                default -> s.completer().execute(complete);
            }
        }
    }
}
