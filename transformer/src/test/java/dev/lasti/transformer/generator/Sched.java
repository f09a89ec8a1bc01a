package dev.lasti.transformer.generator;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The futures a generated async method awaits, completed the way a {@link Policy} says. Generated code
 * writes {@code await(s.next(v))}; its plain twin writes {@code s.nowI(v)} (by type), which only counts, so a twin knows
 * which await a {@link CancelAt} run cancels. One instance serves one run, on its loop thread, and counts the
 * awaits so a policy can suspend (or cancel) at a chosen one.
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
    record OtherThread() implements Policy {
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
    record Seeded(long seed) implements Policy {
        public String describe() {
            return "random(" + seed + ")";
        }
    }

    /**
     * The {@code k}-th await (1-based) gets a future that never completes, and the task is cancelled while it
     * waits there; the others are done already. The twin throws {@code CancellationException} at that await.
     */
    record CancelAt(int k) implements Policy {
        public String describe() {
            return "cancelAt(" + k + ")";
        }
    }

    /** The plain twin's schedule: nothing to wait for, but a {@link CancelAt} await still throws. */
    record Plain(int cancelAt) implements Policy {
        public String describe() {
            return "plain";
        }
    }

    /** The message of the {@code CancellationException} that a cancelled task gets at its await. */
    static final String CANCELLED = "task cancelled";
    /**
     * The message an async generator's body gets at its await when the consumer's pending {@code hasNext()}
     * is cancelled: that cancels the awaited future itself, not a task.
     */
    static final String FUTURE_CANCELLED = "cancelled";

    private final Policy policy;
    private final Random random;
    /** Completes {@link #stageElsewhere} stages under every policy, and futures under the other-thread ones. */
    private final Executor other;
    /** Awaits started so far in this run, so {@code SuspendAt(k)} sees 1, 2, 3, ... */
    private int count;
    /** The task that a {@link CancelAt} run cancels, set by {@link #started} before the loop runs on. */
    private Future<?> task;
    /** What a generator twin's yields answer, set by {@link #script(YieldScript)}; null for async programs. */
    private YieldScript script;
    /** What the twin's cancelled await says: {@link #CANCELLED}, or {@link #FUTURE_CANCELLED}. */
    private String cancelMessage = CANCELLED;

    Sched(Policy policy, Executor other) {
        this.policy = policy;
        this.other = other;
        this.random = policy instanceof Seeded s ? new Random(s.seed()) : null;
    }

    /** The twin's schedule for a run of {@code policy}: it cancels where that policy cancels. */
    static Sched plainFor(Policy policy) {
        return new Sched(new Plain(policy instanceof CancelAt c ? c.k() : 0), Runnable::run);
    }

    /** The twin's schedule for a run of {@code policy}, whose cancelled await throws with {@code message}. */
    static Sched plainFor(Policy policy, String message) {
        Sched twin = plainFor(policy);
        twin.cancelMessage = message;
        return twin;
    }

    /** Tells a {@link CancelAt} run which task to cancel: the future the entry call returned. */
    void started(Future<?> task) {
        this.task = task;
    }

    /** Gives a generator twin's yields their consumer: {@code s.y().yI(depth, v)} asks {@code script}. */
    Sched script(YieldScript script) {
        this.script = script;
        return this;
    }

    /** The consumer's script that a generator twin's yields answer from. */
    public YieldScript y() {
        return script;
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

    /**
     * A {@link CompletionStage} that another thread completes, whatever the policy (except at a cancelled
     * await): the task resumes from a foreign thread even in an otherwise all-done run.
     */
    public <T> CompletionStage<T> stageElsewhere(T value) {
        CompletableFuture<T> stage = new CompletableFuture<>();
        if (!cancelHere()) {
            other.execute(() -> stage.complete(value));
        }
        return stage;
    }

    /*
     * What await(s.next(v)) and the stage awaits mean in the plain twin: v, counted, so that the twin throws
     * at the await a CancelAt run cancels. One method per JType code; see Expr.Await for why not generic.
     */

    public int nowI(int v) {
        countInTwin();
        return v;
    }

    public long nowJ(long v) {
        countInTwin();
        return v;
    }

    public double nowD(double v) {
        countInTwin();
        return v;
    }

    public float nowF(float v) {
        countInTwin();
        return v;
    }

    public boolean nowZ(boolean v) {
        countInTwin();
        return v;
    }

    public byte nowB(byte v) {
        countInTwin();
        return v;
    }

    public short nowS(short v) {
        countInTwin();
        return v;
    }

    public char nowC(char v) {
        countInTwin();
        return v;
    }

    public String nowT(String v) {
        countInTwin();
        return v;
    }

    public int[] nowIA(int[] v) {
        countInTwin();
        return v;
    }

    public long[] nowJA(long[] v) {
        countInTwin();
        return v;
    }

    /** What {@code await(s.fail(message))} means in the plain twin: throw right here. */
    public <T> T raise(String message) {
        countInTwin();
        throw new GenException(message);
    }

    /** Awaits started so far; lets a test pick meaningful {@code SuspendAt} points. */
    int count() {
        return count;
    }

    private void countInTwin() {
        count++;
        if (policy instanceof Plain p && count == p.cancelAt()) {
            throw new CancellationException(cancelMessage);
        }
    }

    /** Counts one await; true if this is the await a {@link CancelAt} run cancels (then it queues the cancel). */
    private boolean cancelHere() {
        count++;
        if (policy instanceof CancelAt c && count == c.k()) {
            EventLoop.current().execute(() -> task.cancel());
            return true;
        }
        return false;
    }

    private <T> Future<T> deliver(T value, Throwable error) {
        Promise<T> p = new Promise<>();
        schedule(() -> p.handle(value, error));
        return p;
    }

    /** Runs {@code complete} now, from the loop's queue, or on the other thread, as the policy says. */
    private void schedule(Runnable complete) {
        if (cancelHere()) {
            return; // never completes: the cancellation must end this await
        }
        // Java 17 has no pattern switch; the chain is exhaustive over the sealed Policy.
        if (policy instanceof AllDone || policy instanceof CancelAt || policy instanceof Plain) {
            complete.run();
        } else if (policy instanceof AllSuspend) {
            EventLoop.current().execute(complete);
        } else if (policy instanceof OtherThread) {
            other.execute(complete);
        } else if (policy instanceof SuspendAt at) {
            if (count == at.k()) {
                EventLoop.current().execute(complete);
            } else {
                complete.run();
            }
        } else if (policy instanceof Seeded) {
            switch (random.nextInt(3)) {
                case 0 -> complete.run();
                case 1 -> EventLoop.current().execute(complete);
                default -> other.execute(complete);
            }
        }
    }
}
