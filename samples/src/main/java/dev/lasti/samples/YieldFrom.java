package dev.lasti.samples;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.util.ArrayList;
import java.util.List;

/**
 * G2 (seed 001): {@code yield from} on generators. {@code Yield.from(inner)} hands the inner generator's values
 * out, passes {@code send}, {@code throwIn} and {@code close} through to it, and evaluates to its return value:
 * <pre>
 * def coro1():
 *     word = yield 'hello'
 *     yield word
 *     return word
 *
 * def coro2():
 *     result = yield from coro1()
 *     print('coro2 result', result)
 * </pre>
 */
public final class YieldFrom {
    private YieldFrom() {}

    @Generates
    static Generator<String> coro1(List<String> log) {
        try {
            String word = Yield.yield("hello");
            Yield.yield(word);
            return Yield.done(word);
        } catch (IllegalArgumentException e) {
            log.add("coro1 caught " + e.getMessage());
            return Yield.done("recovered");
        }
    }

    @Generates
    static Generator<String> coro2(List<String> log) {
        String result = Yield.from(coro1(log));
        log.add("coro2 result " + result);
        return Yield.done();
    }

    /** Sends through the delegation, then throws through it. */
    static String run() {
        List<String> log = new ArrayList<>();
        Generator<String> gen = coro2(log);
        log.add("next -> " + gen.next());
        log.add("send(\"world\") -> " + gen.send("world"));
        log.add("has more: " + gen.hasNext() + ", " + gen.state());
        Generator<String> thrown = coro2(log);
        thrown.next();
        try {
            thrown.throwIn(new IllegalArgumentException("oops"));
        } catch (java.util.NoSuchElementException ended) {
            log.add("throwIn(oops): both returned, " + thrown.state());
        }
        return String.join("\n", log);
    }
}
