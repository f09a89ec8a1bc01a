package dev.lasti.transformer.errors;

import dev.lasti.Await;
import dev.lasti.Future;
import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.util.Iterator;
import java.util.function.Supplier;

/** Each generator misuse at its own line (the lines are asserted in ErrorsTest). */
public class GeneratorMisuses {
    static void plain() {
        Yield.yield("not a generator"); // line 14
    }

    @Generates
    static Iterator<String> wrongReturnType() {
        Yield.yield("x"); // line 19
        return null;
    }

    @Generates
    static Generator<String> awaits(Future<String> f) {
        Yield.yield(Await.await(f)); // line 25
        return Yield.done();
    }

    private final Object lock = new Object();

    @Generates
    Generator<String> locked() {
        synchronized (lock) {
            Yield.yield("held"); // line 34
        }
        return Yield.done();
    }

    static Supplier<Object> lambda() {
        return () -> Yield.yield("in a lambda"); // line 40
    }
}
