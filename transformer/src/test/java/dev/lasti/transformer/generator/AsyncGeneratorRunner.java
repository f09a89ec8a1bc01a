package dev.lasti.transformer.generator;

import dev.lasti.AsyncGenerator;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Generator;
import dev.lasti.Promise;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import dev.lasti.transformer.generator.ProgramGenerator.Signature;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Runs every {@code @Async @Generates} method of one loaded async generator program: each await completes as
 * a {@link Sched} policy says, and a consumer on the loop drains it with {@code hasNext()}/{@code next()}, or
 * closes it after its {@code k}-th value. Each run is compared with the twin driven by the same consumer
 * policy ({@link YieldScript}; an async generator is consumed, never sent to, so its yields get {@code null}).
 */
final class AsyncGeneratorRunner {
    private final Executor completer;
    private long runs;
    private long yields;
    private long awaits;
    private long unmodelled;
    /** How the twins' runs ended ({@link YieldOutcome#endings}), counted once per schedule. */
    private final java.util.Map<String, Long> endings = new java.util.TreeMap<>();

    /** @param completer the "other thread" of the other-thread and random schedules */
    AsyncGeneratorRunner(Executor completer) {
        this.completer = completer;
    }

    List<Finding> run(Program p, Class<?> program) throws ReflectiveOperationException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < p.methods().size(); i++) {
            Signature sig = p.methods().get(i).signature();
            Object[] args = Args.forSeed(p.seed(), i);
            long seed = p.seed() * 7 + i;
            for (Drive.Policy consumer : consumers(program, sig, args, seed)) {
                YieldOutcome expected = GeneratorRunner.twin(program, sig, args, consumer, Mode.ASYNC_GENERATOR);
                if (expected == null) {
                    unmodelled++;
                    continue;
                }
                for (Sched.Policy policy : schedules(consumer, seed)) {
                    // A cancelled run's twin throws CancellationException at the same await.
                    YieldOutcome want = policy instanceof Sched.CancelAt ? GeneratorRunner.twin(program, sig, args,
                            consumer, Mode.ASYNC_GENERATOR, Sched.plainFor(policy, Sched.FUTURE_CANCELLED)) : expected;
                    if (want == null) {
                        unmodelled++;
                        continue;
                    }
                    Sched sched = new Sched(policy, completer);
                    YieldOutcome actual = drive(program, sig, args, consumer, sched);
                    runs++;
                    want.endings().forEach(e -> endings.merge(e, 1L, Long::sum));
                    yields += actual.values().size();
                    awaits += sched.count();
                    String diff = want.difference(actual);
                    if (diff != null) {
                        findings.add(new Finding(p.seed(), Finding.Kind.MISMATCH, sig.name() + " under "
                                + consumer.describe() + " and " + policy.describe() + ": " + diff + " differs"
                                + "\n    expected " + want.describe() + "\n    actual   " + actual.describe()));
                    }
                }
            }
        }
        return findings;
    }

    /** Drain, and close after the first, a seeded and the last value (the count from the twin). */
    private static List<Drive.Policy> consumers(Class<?> program, Signature sig, Object[] args, long seed)
            throws ReflectiveOperationException {
        YieldOutcome probe = GeneratorRunner.twin(program, sig, args, new Drive.NextOnly(), Mode.ASYNC_GENERATOR);
        int n = probe == null ? 0 : probe.values().size();
        List<Drive.Policy> out = new ArrayList<>(List.of(new Drive.NextOnly()));
        for (int k : new TreeSet<>(List.of(1, 1 + new Random(seed).nextInt(Math.max(n, 1)), n))) {
            if (k >= 1) {
                out.add(new Drive.CloseAt(k));
            }
        }
        return out;
    }

    /**
     * Every await policy for a drain, including a cancel of the pending {@code hasNext()} at the first and the
     * third await; for a close, all done, all suspended, other thread and a mix.
     */
    private static List<Sched.Policy> schedules(Drive.Policy consumer, long seed) {
        List<Sched.Policy> out = new ArrayList<>(List.of(new Sched.AllDone(), new Sched.AllSuspend(),
                new Sched.OtherThread(), new Sched.Seeded(seed)));
        if (consumer instanceof Drive.NextOnly) {
            out.add(new Sched.SuspendAt(1));
            out.add(new Sched.SuspendAt(3));
            out.add(new Sched.CancelAt(1));
            out.add(new Sched.CancelAt(3));
        }
        return out;
    }

    private static YieldOutcome drive(Class<?> program, Signature sig, Object[] args, Drive.Policy consumer,
                                      Sched sched) {
        StringBuilder trace = new StringBuilder();
        List<String> values = new ArrayList<>();
        AsyncGenerator<?>[] made = new AsyncGenerator<?>[1];
        String end;
        try {
            EventLoop loop = EventLoop.builder().blockedThreshold(Duration.ofSeconds(30)).build();
            end = loop.runUntilComplete(() -> {
                AsyncGenerator<?> g = create(program, sig, args, sched, trace);
                made[0] = g;
                Promise<String> done = new Promise<>();
                if (trace.length() > 0 || g.state() != Generator.State.CREATED) {
                    done.complete("the call ran the body (state " + g.state() + ")");
                } else {
                    step(g, consumer, values, done, sched);
                }
                return done;
            });
        } catch (Throwable t) {
            end = "the consumer failed: " + YieldOutcome.threw(t);
        }
        String state = made[0] == null ? "NONE" : made[0].state().name();
        return new YieldOutcome(values, end, state, trace.toString());
    }

    /** One {@code hasNext()}, then the value's action, then the next step on a later loop turn. */
    private static void step(AsyncGenerator<?> g, Drive.Policy consumer, List<String> values, Promise<String> done,
                             Sched sched) {
        Future<Boolean> next = g.hasNext();
        sched.started(next); // a CancelAt run cancels the step that reached its await, from the loop's queue
        next.whenDone(f -> {
            if (f.isFailed()) {
                done.complete(YieldOutcome.threw(f.cause()));
            } else if (!f.resultNow()) {
                done.complete("returned " + Sent.show(g.returnValue()));
            } else {
                Object v = g.next();
                values.add(Sent.show(v));
                if (consumer.after(values.size(), v) instanceof Drive.Close) {
                    g.close().whenDone(c -> done.complete(c.isFailed() ? YieldOutcome.threw(c.cause())
                            : returned(g) ? "returned " + Sent.show(g.returnValue()) : "closed"));
                } else {
                    EventLoop.current().execute(() -> step(g, consumer, values, done, sched));
                }
            }
        });
    }

    private static boolean returned(AsyncGenerator<?> g) {
        try {
            g.returnValue();
            return true;
        } catch (IllegalStateException none) {
            return false;
        }
    }

    private static AsyncGenerator<?> create(Class<?> program, Signature sig, Object[] args, Sched sched,
                                            StringBuilder trace) {
        try {
            return (AsyncGenerator<?>) Args.invoke(program, sig.entry(), sched, trace, args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("calling the @Async @Generates method threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call generated method " + sig, e);
        }
    }

    long runs() {
        return runs;
    }

    long yields() {
        return yields;
    }

    long awaits() {
        return awaits;
    }

    long unmodelled() {
        return unmodelled;
    }

    java.util.Map<String, Long> endings() {
        return endings;
    }
}
