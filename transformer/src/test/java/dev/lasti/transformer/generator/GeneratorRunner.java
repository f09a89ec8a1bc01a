package dev.lasti.transformer.generator;

import dev.lasti.Generator;
import dev.lasti.GeneratorExit;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import dev.lasti.transformer.generator.ProgramGenerator.Signature;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeSet;

/**
 * Runs every {@code @Generates} method of one loaded generator program under every consumer policy ({@link
 * Drive}) and compares what the consumer saw with the method's plain twin driven by the same policy
 * ({@link YieldScript}). Also checks that the call itself runs nothing of the body.
 */
final class GeneratorRunner {
    /** Consumer runs compared, values taken, and runs the twin could not model. */
    private long runs;
    private long yields;
    private long unmodelled;
    /** How the twins' runs ended ({@link YieldOutcome#endings}), counted. */
    private final java.util.Map<String, Long> endings = new java.util.TreeMap<>();

    List<Finding> run(Program p, Class<?> program) throws ReflectiveOperationException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < p.methods().size(); i++) {
            Signature sig = p.methods().get(i).signature();
            Object[] args = Args.forSeed(p.seed(), i);
            for (Drive.Policy policy : policies(program, sig, args, p.seed() * 7 + i)) {
                YieldOutcome expected = twin(program, sig, args, policy, Mode.GENERATOR);
                if (expected == null) {
                    unmodelled++;
                    continue;
                }
                String where = sig.name() + " under " + policy.describe();
                StringBuilder trace = new StringBuilder();
                Generator<Object> g;
                try {
                    g = create(program, sig, args, trace);
                } catch (InvocationTargetException e) {
                    findings.add(new Finding(p.seed(), Finding.Kind.ESCAPED_SYNCHRONOUSLY, where
                            + ": calling the @Generates method threw " + e.getCause()));
                    continue;
                }
                if (trace.length() > 0 || g.state() != Generator.State.CREATED) {
                    findings.add(new Finding(p.seed(), Finding.Kind.MISMATCH, where + ": the call ran the body"
                            + " (state " + g.state() + ", trace " + trace + ")"));
                    continue;
                }
                YieldOutcome actual = drive(g, policy, trace);
                runs++;
                expected.endings().forEach(e -> endings.merge(e, 1L, Long::sum));
                yields += actual.values().size();
                String diff = expected.difference(actual);
                if (diff != null) {
                    findings.add(new Finding(p.seed(), Finding.Kind.MISMATCH, where + ": " + diff + " differs"
                            + "\n    expected " + expected.describe() + "\n    actual   " + actual.describe()));
                }
            }
        }
        return findings;
    }

    /**
     * next() only, a for-each, sends, a throw-in at the first, middle and last value, a close after the
     * first, a seeded and the last value, and two seeded mixes. The value count comes from a twin run with
     * sends.
     */
    private static List<Drive.Policy> policies(Class<?> program, Signature sig, Object[] args, long seed)
            throws ReflectiveOperationException {
        YieldOutcome probe = twin(program, sig, args, new Drive.SendAll(), Mode.GENERATOR);
        int n = probe == null ? 0 : probe.values().size();
        List<Drive.Policy> out = new ArrayList<>(List.of(new Drive.NextOnly(), new Drive.ForEach(),
                new Drive.SendAll()));
        for (int k : new TreeSet<>(List.of(1, (n + 1) / 2, n))) {
            if (k >= 1) {
                out.add(new Drive.ThrowAt(k));
            }
        }
        for (int k : new TreeSet<>(List.of(1, 1 + new Random(seed).nextInt(Math.max(n, 1)), n))) {
            if (k >= 1) {
                out.add(new Drive.CloseAt(k));
            }
        }
        out.add(new Drive.Seeded(seed));
        out.add(new Drive.Seeded(seed + 1));
        return out;
    }

    /** The twin's outcome under {@code policy}, or {@code null} when it cannot be modelled. */
    static YieldOutcome twin(Class<?> program, Signature sig, Object[] args, Drive.Policy policy, Mode kind)
            throws ReflectiveOperationException {
        return twin(program, sig, args, policy, kind, Sched.plainFor(new Sched.AllDone()));
    }

    /** The same, with {@code sched} for an async generator twin's awaits (it may cancel at one). */
    static YieldOutcome twin(Class<?> program, Signature sig, Object[] args, Drive.Policy policy, Mode kind,
                             Sched sched) throws ReflectiveOperationException {
        StringBuilder trace = new StringBuilder();
        YieldScript script = new YieldScript(policy, trace);
        sched.script(script);
        String end;
        try {
            end = "returned " + Sent.show(Args.invoke(program, sig.entry() + "$plain", sched, trace, args));
        } catch (InvocationTargetException e) {
            end = e.getCause() instanceof GeneratorExit ? "closed" : YieldOutcome.threw(e.getCause());
        }
        if (script.unmodelled()) {
            return null;
        }
        if (script.abandonedTrace() != null) {
            return new YieldOutcome(script.values(), YieldOutcome.ignoredExit(kind), "SUSPENDED", script.abandonedTrace());
        }
        return new YieldOutcome(script.values(), end, "CLOSED", trace.toString());
    }

    @SuppressWarnings("unchecked")
    private static Generator<Object> create(Class<?> program, Signature sig, Object[] args, StringBuilder trace)
            throws ReflectiveOperationException {
        // The schedule is never used: a generator does not await.
        return (Generator<Object>) Args.invoke(program, sig.entry(), Sched.plainFor(new Sched.AllDone()), trace, args);
    }

    /** Drives {@code g} as {@code policy} says until it ends, fails or is closed. */
    static YieldOutcome drive(Generator<Object> g, Drive.Policy policy, StringBuilder trace) {
        List<String> values = new ArrayList<>();
        boolean forEach = policy instanceof Drive.ForEach;
        String end;
        try {
            Object v = policy.startsWithSend() ? g.send(null) : next(g, forEach);
            while (true) {
                values.add(Sent.show(v));
                Drive.Action a = policy.after(values.size(), v);
                if (a instanceof Drive.Close) {
                    g.close();
                    end = g.state() == Generator.State.CLOSED && returned(g) ? "returned " + Sent.show(g.returnValue())
                            : "closed";
                    break;
                }
                v = a instanceof Drive.Send send ? g.send(send.value())
                        : a instanceof Drive.ThrowIn in ? g.throwIn(new GenException(in.message()))
                        : next(g, forEach);
            }
        } catch (NoSuchElementException e) {
            end = returned(g) ? "returned " + Sent.show(g.returnValue()) : YieldOutcome.threw(e);
        } catch (Throwable t) {
            end = YieldOutcome.threw(t);
        }
        return new YieldOutcome(values, end, g.state().name(), trace.toString());
    }

    /** {@code next()}, or what a for-each does: {@code hasNext()} first, and stop when it is false. */
    private static Object next(Generator<Object> g, boolean forEach) {
        if (forEach && !g.hasNext()) {
            throw new NoSuchElementException("for-each ended");
        }
        return g.next();
    }

    private static boolean returned(Generator<Object> g) {
        try {
            g.returnValue();
            return true;
        } catch (IllegalStateException none) {
            return false;
        }
    }

    long runs() {
        return runs;
    }

    long yields() {
        return yields;
    }

    long unmodelled() {
        return unmodelled;
    }

    java.util.Map<String, Long> endings() {
        return endings;
    }
}
