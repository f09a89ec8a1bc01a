package dev.lasti.transformer.walkthrough;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;

/** The generator of docs/bytecode-walkthrough.md, "A generator's frame": its frame listing is checked by GoldenTest. */
public class Squares {
    @Generates
    static Generator<Integer> squares(int limit) {
        for (int i = 1; i <= limit; i++) {
            int square = i * i;
            Yield.yield(square);
        }
        return Yield.done();
    }
}
