package dev.lasti.samples;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * G1 (seeds 000 and 002): {@code value = yield "hello"} and {@code gen.send("world")}, as a lasti generator.
 * The seed's IPython session:
 * <pre>
 * def use_yield():
 *     print("enter the func")
 *     value = yield "hello"
 *     print("got: ", value)
 *     return value
 *
 * gen = use_yield()
 * gen.send(None)      # enter the func / 'hello'
 * gen.send("world")   # got:  world / StopIteration: world
 * </pre>
 */
public final class UseYield {
    private UseYield() {}

    /** The seed's generator; {@code print} stands for Python's {@code print}. */
    @Generates
    static Generator<String> useYield(Consumer<String> print) {
        print.accept("enter the func");
        String value = Yield.yield("hello");
        print.accept("got:  " + value);
        return Yield.done(value);
    }

    /** The seed's session, line for line. */
    static String run() {
        StringBuilder out = new StringBuilder();
        Consumer<String> print = line -> out.append(line).append('\n');
        Generator<String> gen = useYield(print);
        out.append(">>> gen.send(null)\n");
        String first = gen.send(null); // prints "enter the func" first, as the seed shows
        out.append('\'').append(first).append("'\n");
        out.append(">>> gen.send(\"world\")\n");
        try {
            gen.send("world");
            out.append("(no StopIteration?)\n");
        } catch (NoSuchElementException stop) {
            out.append("StopIteration: ").append((String) gen.returnValue()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
