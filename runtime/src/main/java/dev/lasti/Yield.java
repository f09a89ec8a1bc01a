package dev.lasti;

import dev.lasti.internal.GeneratorFrame;

/**
 * The calls a {@link Generates} method suspends with. They must be written qualified ({@code Yield.yield(x)}):
 * since Java 14 an unqualified {@code yield(x)} is the switch-expression statement. Outside a transformed
 * generator method, {@code yield} and {@code from} throw {@link IllegalStateException}; the transformer reports
 * them at build time anyway.
 */
public final class Yield {
    private Yield() {}

    /**
     * Hands {@code value} to the consumer and suspends; evaluates to what the consumer sends back ({@code null}
     * for {@link Generator#next()}), or throws what it throws in ({@link Generator#throwIn}, {@link
     * GeneratorExit} from {@link Generator#close()}). Python's {@code received = yield value}.
     *
     * @param <S> the type of the values sent in (unchecked, as for a cast)
     */
    public static <S> S yield(Object value) {
        throw notTransformed("yield");
    }

    /**
     * Delegates to {@code inner} until it ends (Python's {@code yield from}): its values go to the consumer,
     * and the consumer's {@code send}, {@code throwIn} and {@code close} go to it. Evaluates to its return value.
     *
     * @param <R> the type of {@code inner}'s return value (unchecked)
     */
    public static <R> R from(Generator<?> inner) {
        throw notTransformed("from");
    }

    /** Ends the generator with {@code value} as its {@link Generator#returnValue()}: {@code return done(v);}. */
    public static <T> Generator<T> done(Object value) {
        return GeneratorFrame.finished(value);
    }

    /** Ends the generator without a return value ({@code null}): {@code return done();}. */
    public static <T> Generator<T> done() {
        return GeneratorFrame.finished(null);
    }

    private static IllegalStateException notTransformed(String call) {
        String caller = StackWalker.getInstance()
                .walk(frames -> frames.skip(2).findFirst()
                        .map(f -> f.getClassName() + "." + f.getMethodName())
                        .orElse("<unknown>"));
        return new IllegalStateException("Yield." + call + "() was called in " + caller
                + ", which lasti did not transform. Mark the method @Generates, return dev.lasti.Generator"
                + " and run the lasti transformer on its class (see the README, \"Use it in your build\").");
    }
}
