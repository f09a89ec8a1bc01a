package dev.lasti.transformer.generators;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.util.List;

/** Generator fixtures; each has a hand-written Iterator twin in {@link Twins} giving the expected sequence. */
public class Gens {
    private final String prefix;

    public Gens(String prefix) {
        this.prefix = prefix;
    }

    @Generates
    public static Generator<Integer> countTo(int n) {
        for (int i = 0; i < n; i++) {
            Yield.yield(i);
        }
        return Yield.done("counted " + n);
    }

    /** Wide types and every primitive kind live across yields. */
    @Generates
    public static Generator<String> wide(long start, double scale, int n) {
        long acc = start;
        char c = 'a';
        boolean flip = false;
        for (int i = 0; i < n; i++) {
            acc = acc * 3 + i;
            flip = !flip;
            Yield.yield(acc + ":" + (acc * scale) + ":" + c + ":" + flip);
            c++;
        }
        return Yield.done(acc);
    }

    /** A yield nested in an expression, with values on the operand stack under it. */
    @Generates
    public static Generator<Integer> nested(int n) {
        int total = 0;
        for (int i = 1; i <= n; i++) {
            Integer sent = Yield.yield(i * 10);
            total = total + i * (sent == null ? 1 : sent) + (int) Math.max(i, Yield.<Integer>yield(-i) == null ? 0 : 1);
        }
        return Yield.done(total);
    }

    /** Uninitialized NEW under a yield: {@code new StringBuilder(yield(..))}. */
    @Generates
    public static Generator<String> uninitializedNew(List<String> words) {
        for (String w : words) {
            StringBuilder b = new StringBuilder(String.valueOf(Yield.<Object>yield(w)));
            Yield.yield(b.append('!').toString());
        }
        return Yield.done();
    }

    /** try/catch/finally around yields; the trace records what ran. */
    @Generates
    public static Generator<String> guarded(List<String> trace, int n) {
        try {
            for (int i = 0; i < n; i++) {
                try {
                    Yield.yield("v" + i);
                } catch (IllegalArgumentException e) {
                    trace.add("caught " + e.getMessage());
                    Yield.yield("recovered" + i);
                }
            }
            trace.add("loop done");
        } finally {
            trace.add("finally");
        }
        return Yield.done("guarded");
    }

    /** An instance generator: {@code this} saved across yields. */
    @Generates
    public Generator<String> names(String... items) {
        for (String item : items) {
            Yield.yield(prefix + item);
        }
        return Yield.done(items.length);
    }

    /** Delegation: forwards next/send/throw/close to the inner generator and gets its return value. */
    @Generates
    public static Generator<String> outer(List<String> trace) {
        Yield.yield("before");
        try {
            String inner = Yield.from(echo(trace));
            trace.add("inner returned " + inner);
        } finally {
            trace.add("outer finally");
        }
        Yield.yield("after");
        return Yield.done("outer done");
    }

    /** Echoes what is sent; a thrown-in IllegalArgumentException is reported and ends it. */
    @Generates
    public static Generator<String> echo(List<String> trace) {
        try {
            String got = Yield.yield("echo ready");
            while (!"stop".equals(got)) {
                got = Yield.yield("echo " + got);
            }
            return Yield.done("stopped");
        } catch (IllegalArgumentException e) {
            trace.add("echo caught " + e.getMessage());
            return Yield.done("thrown " + e.getMessage());
        } finally {
            trace.add("echo finally");
        }
    }

    /** Calls itself while running: "generator already executing". */
    @Generates
    public static Generator<String> reentrant(Generator<?>[] self) {
        Yield.yield("first");
        self[0].next();
        return Yield.done();
    }

    /** The body's own exception ends the generator and reaches the consumer. */
    @Generates
    public static Generator<Integer> failing(int after) {
        for (int i = 0; i < after; i++) {
            Yield.yield(i);
        }
        throw new IllegalStateException("failed after " + after);
    }

    /** Prints on entry: nothing must run before the first next(). */
    @Generates
    public static Generator<String> lazy(List<String> trace) {
        trace.add("entered");
        Yield.yield("x");
        return Yield.done();
    }

    /** Catches the close and yields again: close() must refuse, as Python's "generator ignored GeneratorExit". */
    @Generates
    public static Generator<String> ignoresExit() {
        while (true) {
            try {
                Yield.yield("again");
            } catch (dev.lasti.GeneratorExit exit) {
                // swallowed: the loop yields once more
            }
        }
    }

    /** A catch (Exception) does not swallow the close: GeneratorExit is an Error, so finally still runs. */
    @Generates
    public static Generator<String> catchesExceptions(List<String> trace) {
        try {
            Yield.yield("one");
        } catch (Exception e) {
            trace.add("caught " + e);
        } finally {
            trace.add("finally");
        }
        return Yield.done();
    }
}
