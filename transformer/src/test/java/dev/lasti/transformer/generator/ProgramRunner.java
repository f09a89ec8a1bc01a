package dev.lasti.transformer.generator;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Runs every async method of one loaded program under every schedule, each inside its own
 * {@link EventLoop#run}, and compares each run with the method's plain twin.
 */
final class ProgramRunner {
    private final Executor completer;
    /** Async runs done and awaits they made, for the summary line that shows real work happened. */
    private long runs;
    private long awaits;
    /** Cancelled runs whose task ended with the CancellationException (not caught by the program). */
    private long cancelled;

    /** Whether runs are also cancelled at chosen awaits ({@link Shape#CANCELLATION}). */
    private final boolean cancel;

    /**
     * @param completer the "other thread" that completes futures for the other-thread and random schedules
     * @param cancel whether to add the {@link Sched.CancelAt} schedules
     */
    ProgramRunner(Executor completer, boolean cancel) {
        this.completer = completer;
        this.cancel = cancel;
    }

    List<Finding> run(Program p, Class<?> program) throws ReflectiveOperationException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < p.methods().size(); i++) {
            ProgramGenerator.Method method = p.methods().get(i);
            ProgramGenerator.Signature sig = method.signature();
            String name = sig.name();
            Object[] args = Args.forSeed(p.seed(), i);
            Outcome uncancelled = Outcome.plain(program, sig, args, Sched.plainFor(new Sched.AllDone()));
            for (Sched.Policy policy : schedules(program, method, args, p.seed() * 7 + i)) {
                Outcome expected = policy instanceof Sched.CancelAt
                        ? Outcome.plain(program, sig, args, Sched.plainFor(policy)) : uncancelled;
                Sched sched = new Sched(policy, completer);
                Run actual = runAsync(program, sig, args, sched);
                runs++;
                awaits += sched.count();
                if (policy instanceof Sched.CancelAt && actual.outcome().exception() != null
                        && actual.outcome().exception().endsWith("CancellationException")) {
                    cancelled++;
                }
                String where = name + " under " + policy.describe();
                if (actual.escaped()) {
                    findings.add(new Finding(p.seed(), Finding.Kind.ESCAPED_SYNCHRONOUSLY, where
                            + ": the @Async method threw instead of returning a failed future: " + actual.outcome().describe()));
                    continue;
                }
                String diff = expected.difference(actual.outcome());
                if (diff != null) {
                    findings.add(new Finding(p.seed(), Finding.Kind.MISMATCH, where + ": " + diff + " differs"
                            + "\n    expected " + expected.describe() + "\n    actual   " + actual.outcome().describe()));
                }
            }
        }
        return findings;
    }

    /**
     * All done, all suspended, other thread, suspend only at a few await ordinals spread over the run (the
     * count comes from an all-done run, which takes the same path), one seeded random mix, and a cancellation
     * at a seeded await and at the last one.
     */
    private List<Sched.Policy> schedules(Class<?> program, ProgramGenerator.Method method, Object[] args, long seed) {
        Sched probe = new Sched(new Sched.AllDone(), completer);
        runAsync(program, method.signature(), args, probe);
        int awaits = probe.count();
        List<Sched.Policy> out = new ArrayList<>(List.of(new Sched.AllDone(), new Sched.AllSuspend(),
                new Sched.OtherThread()));
        for (int k : new TreeSet<>(List.of(1, 2, (awaits + 1) / 2, awaits))) {
            if (k >= 1 && k <= awaits) {
                out.add(new Sched.SuspendAt(k));
            }
        }
        out.add(new Sched.Seeded(seed));
        if (cancel && awaits > 0 && !method.callsAsync()) {
            for (int k : new TreeSet<>(List.of(1 + new java.util.Random(seed).nextInt(awaits), awaits))) {
                out.add(new Sched.CancelAt(k));
            }
        }
        return out;
    }

    long cancelled() {
        return cancelled;
    }

    long runs() {
        return runs;
    }

    long awaits() {
        return awaits;
    }

    /** One async run's outcome; {@code escaped} when the call threw instead of returning a future. */
    record Run(Outcome outcome, boolean escaped) {}

    static Run runAsync(Class<?> program, ProgramGenerator.Signature sig, Object[] args, Sched sched) {
        StringBuilder trace = new StringBuilder();
        try {
            // The generous threshold keeps the blocked-loop detector quiet while javac batches load the cores.
            EventLoop loop = EventLoop.builder().blockedThreshold(Duration.ofSeconds(30)).build();
            Object value = loop.runUntilComplete(() -> {
                Future<Object> task = call(program, sig, sched, trace, args);
                sched.started(task); // a CancelAt run cancels it once this returns to the loop
                return task;
            });
            return new Run(Outcome.returned(value, trace), false);
        } catch (Escaped e) {
            return new Run(Outcome.threw(e.getCause(), trace), true);
        } catch (Throwable t) {
            return new Run(Outcome.threw(t, trace), false);
        }
    }

    @SuppressWarnings("unchecked")
    private static Future<Object> call(Class<?> program, ProgramGenerator.Signature sig, Sched sched,
                                       StringBuilder trace, Object[] args) {
        try {
            return (Future<Object>) Args.invoke(program, sig.entry(), sched, trace, args);
        } catch (InvocationTargetException e) {
            throw new Escaped(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call generated method " + sig, e);
        }
    }

    /** Marks an exception that left the {@code @Async} method itself rather than failing its future. */
    private static final class Escaped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Escaped(Throwable cause) {
            super(cause);
        }
    }
}
