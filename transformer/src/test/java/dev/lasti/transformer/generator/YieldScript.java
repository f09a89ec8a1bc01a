package dev.lasti.transformer.generator;

import dev.lasti.GeneratorExit;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code Yield.yield(v)} means in a generator's plain twin: record {@code v} as the consumer would see
 * it, then do what the consumer's {@link Drive.Policy} does next, as the yield's value or exception: a sent
 * value, {@code null} for {@code next()}, the {@link GenException} of {@code throwIn}, or the {@link
 * GeneratorExit} of {@code close()}. A delegated generator's twin is called by its caller's twin with the same
 * script, so its yields are the caller's, as {@code Yield.from} makes them.
 *
 * <p>A yield reached after the {@code GeneratorExit} (in a {@code finally} block) is where the real
 * generator stops: {@code close()} throws "generator ignored GeneratorExit" and the body stays suspended
 * there, its remaining code never run. Plain Java cannot stop a method in the middle, so the twin takes a
 * snapshot of the trace there and unwinds with {@link Abandoned}, an {@code Error} no generated catch
 * catches; what the twin does while it unwinds is not the generator's and is ignored. If that yield is in a
 * delegated generator, the real inner {@code close()} throws at the caller's {@code Yield.from}, which then
 * goes on; the twin cannot follow that, so such a run is {@link #unmodelled()} and not compared.
 */
public final class YieldScript {
    /** The twin's unwinding from a yield after the exit: not an exception of the program. */
    static final class Abandoned extends Error {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("twin abandoned at a yield after GeneratorExit", null, false, false);
        }
    }

    private final Drive.Policy policy;
    private final StringBuilder trace;
    /** The values the consumer took, as {@link Sent#show} writes them. */
    private final List<String> values = new ArrayList<>();
    /** Set once the twin's yield has thrown the close's {@code GeneratorExit}. */
    private boolean closing;
    /** The trace at the yield that ignored the exit, or null. */
    private String abandonedTrace;
    private boolean unmodelled;
    /** How many values the consumer had taken when it closed (the last was the one it closed at), or 0. */
    private int closedAfter;

    YieldScript(Drive.Policy policy, StringBuilder trace) {
        this.policy = policy;
        this.trace = trace;
    }

    /**
     * One yield of {@code v} by a method called with {@code depth}: the outermost generator has {@link
     * Args#DEPTH}, every delegated one less.
     */
    private Object answer(int depth, Object v) {
        if (abandonedTrace != null) {
            throw new Abandoned(); // a finally block on the way out: the real body never runs it
        }
        if (closing) {
            abandonedTrace = trace.toString();
            unmodelled = depth != Args.DEPTH;
            throw new Abandoned();
        }
        values.add(Sent.show(v));
        Drive.Action a = policy.after(values.size(), v);
        if (a instanceof Drive.Send send) {
            return send.value();
        } else if (a instanceof Drive.ThrowIn in) {
            throw new GenException(in.message());
        } else if (a instanceof Drive.Close) {
            closing = true;
            closedAfter = values.size();
            throw new GeneratorExit();
        }
        return null;
    }

    /**
     * Evaluated just before a delegated twin is called: the values taken so far, so {@link #fromI} can tell
     * whether the consumer closed during the call.
     */
    public int mark() {
        return values.size();
    }

    /**
     * A delegated twin returned {@code v}: its {@code Yield.from}'s value, unless the consumer closed while
     * it ran (at a value it yielded) and the inner generator returned on the exit instead of ending with it.
     * {@code Yield.from} closes the inner generator and then throws the {@code GeneratorExit} in the caller
     * anyway (Python's {@code yield from} does the same), so the twin throws it here.
     */
    private void returnedFrom(int mark) {
        if (closing && abandonedTrace == null && closedAfter > mark) {
            throw new GeneratorExit();
        }
    }

    public int fromI(int mark, int v) {
        returnedFrom(mark);
        return v;
    }

    public long fromJ(int mark, long v) {
        returnedFrom(mark);
        return v;
    }

    public double fromD(int mark, double v) {
        returnedFrom(mark);
        return v;
    }

    public boolean fromZ(int mark, boolean v) {
        returnedFrom(mark);
        return v;
    }

    public String fromT(int mark, String v) {
        returnedFrom(mark);
        return v;
    }

    /** The values taken so far. */
    List<String> values() {
        return values;
    }

    /** The trace when a yield ignored the exit, or {@code null} if none did. */
    String abandonedTrace() {
        return abandonedTrace;
    }

    /** Whether a delegated generator ignored the exit: a run the twin cannot follow. */
    boolean unmodelled() {
        return unmodelled;
    }

    // One method per JType code, as for Sched.nowI: typed, not generic, to spare javac's inference.

    public int yI(int depth, int v) {
        return Sent.gotI(answer(depth, v));
    }

    public long yJ(int depth, long v) {
        return Sent.gotJ(answer(depth, v));
    }

    public double yD(int depth, double v) {
        return Sent.gotD(answer(depth, v));
    }

    public float yF(int depth, float v) {
        return Sent.gotF(answer(depth, v));
    }

    public boolean yZ(int depth, boolean v) {
        return Sent.gotZ(answer(depth, v));
    }

    public byte yB(int depth, byte v) {
        return Sent.gotB(answer(depth, v));
    }

    public short yS(int depth, short v) {
        return Sent.gotS(answer(depth, v));
    }

    public char yC(int depth, char v) {
        return Sent.gotC(answer(depth, v));
    }

    public String yT(int depth, String v) {
        return Sent.gotT(answer(depth, v));
    }

    public int[] yIA(int depth, int[] v) {
        return Sent.gotIA(answer(depth, v));
    }

    public long[] yJA(int depth, long[] v) {
        return Sent.gotJA(answer(depth, v));
    }
}
