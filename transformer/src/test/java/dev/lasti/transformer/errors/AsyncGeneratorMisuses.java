package dev.lasti.transformer.errors;

import dev.lasti.Async;
import dev.lasti.AsyncGenerator;
import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;

/** Each async-generator misuse at its own line (the lines are asserted in ErrorsTest). */
public class AsyncGeneratorMisuses {
    @Async
    @Generates
    static Generator<String> asyncButPlainGeneratorType() {
        Yield.yield("x"); // line 14
        return Yield.done();
    }

    @Generates
    static AsyncGenerator<String> asyncTypeButNotAsync() {
        Yield.yield("x"); // line 20
        return AsyncGenerator.done();
    }

    @Async
    @Generates
    static AsyncGenerator<String> delegates(Generator<String> inner) {
        Yield.from(inner); // line 27
        return AsyncGenerator.done();
    }
}
