package dev.lasti.transformer.generator;

import java.util.Random;

/**
 * How a consumer drives a generated generator: what it does after each value the generator yields. The
 * runner's consumer and the twin's {@link YieldScript} ask the same {@link Policy} with the same yield number
 * and value, so both take the same actions without either knowing the other's state.
 */
final class Drive {
    private Drive() {}

    /** What the consumer does after the {@code k}-th yielded value. */
    sealed interface Action {}

    /** {@code next()}: the yield evaluates to {@code null}. */
    record Next() implements Action {}

    /** {@code send(value)}: the yield evaluates to {@code value}. */
    record Send(Object value) implements Action {}

    /** {@code throwIn(new GenException(message))}: the yield throws it. */
    record ThrowIn(String message) implements Action {}

    /**
     * {@code close()}: the yield throws {@code GeneratorExit}; a body that yields again makes {@code close()}
     * throw "generator ignored GeneratorExit" and stays suspended there.
     */
    record Close() implements Action {}

    /** A consumer's plan: the action after each yielded value. */
    sealed interface Policy {
        /** The action after the {@code k}-th (1-based) yielded value {@code v}. */
        Action after(int k, Object v);

        /** A short name for failure reports, e.g. {@code throwAt(3)}. */
        String describe();

        /** Whether the consumer starts the body with {@code send(null)} rather than {@code next()}. */
        default boolean startsWithSend() {
            return !(this instanceof NextOnly || this instanceof ForEach);
        }
    }

    /** {@code next()} until the body ends, as an {@code Iterator}'s consumer does. */
    record NextOnly() implements Policy {
        public Action after(int k, Object v) {
            return new Next();
        }

        public String describe() {
            return "next";
        }
    }

    /** A for-each loop: {@code hasNext()} runs the body to its next value, {@code next()} takes it. */
    record ForEach() implements Policy {
        public Action after(int k, Object v) {
            return new Next();
        }

        public String describe() {
            return "forEach";
        }
    }

    /** {@code send(Sent.reply(v, k))} after every value. */
    record SendAll() implements Policy {
        public Action after(int k, Object v) {
            return new Send(Sent.reply(v, k));
        }

        public String describe() {
            return "send";
        }
    }

    /** Sends, but throws a {@link GenException} in after the {@code at}-th value. */
    record ThrowAt(int at) implements Policy {
        public Action after(int k, Object v) {
            return k == at ? new ThrowIn("in" + k) : new Send(Sent.reply(v, k));
        }

        public String describe() {
            return "throwAt(" + at + ")";
        }
    }

    /** {@code next()}, then {@code close()} after the {@code at}-th value. */
    record CloseAt(int at) implements Policy {
        public Action after(int k, Object v) {
            return k == at ? new Close() : new Next();
        }

        public String describe() {
            return "closeAt(" + at + ")";
        }
    }

    /** A seeded mix of sends, nexts, throws and the odd close, decided per yield number. */
    record Seeded(long seed) implements Policy {
        public Action after(int k, Object v) {
            int r = new Random(seed * 1_000_003L + k).nextInt(100);
            if (r < 45) {
                return new Send(Sent.reply(v, k));
            } else if (r < 75) {
                return new Next();
            } else if (r < 93) {
                return new ThrowIn("in" + k);
            }
            return new Close();
        }

        public String describe() {
            return "random(" + seed + ")";
        }
    }
}
