package dev.lasti.transformer.debuggee;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.util.function.Supplier;

/**
 * The program {@code DebuggerTest} runs under a real debugger, transformed. Every await really suspends (the
 * awaited futures complete on a later turn of the loop), so the lines marked {@code // at:NAME} after an
 * await run in the resume method. The test finds the lines by those markers.
 */
public class DebugTarget {
    private final String prefix = String.valueOf('#'); // not a constant: read through this

    /** Runs the scenario named by {@code args[0]} and prints its result. */
    public static void main(String[] args) {
        DebugTarget target = new DebugTarget();
        Supplier<Future<String>> scenario = switch (args[0]) {
            case "afterAwait" -> () -> target.afterAwait("42", 5);
            case "loop" -> () -> target.loop(3);
            case "caught" -> () -> target.caught("x", new StringBuilder());
            case "generator" -> () -> Future.completed(target.drain(target.squares(3)));
            default -> throw new IllegalArgumentException(args[0]);
        };
        String result = EventLoop.run(scenario);
        System.out.println("result: " + result);
    }

    /** {@code count} and {@code id} are dead after the await: a debugger must not show them there. */
    @Async
    Future<String> afterAwait(String id, int count) {
        int doubled = count * 2; // at:afterAwait.first
        String loaded = await(later("order " + id)); // at:afterAwait.await
        String result = prefix + loaded + doubled; // at:afterAwait.next
        return Future.completed(result); // at:afterAwait.return
    }

    @Async
    Future<String> loop(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int got = await(later(i * 10)); // at:loop.await
            sum += got; // at:loop.body
        }
        return Future.completed("sum=" + sum);
    }

    /** {@code log} is dead after the await: it used to make every local of the catch block unreadable. */
    @Async
    Future<String> caught(String name, StringBuilder log) {
        int tries = 3;
        log.append("trying");
        try {
            await(failLater(name));
            return Future.completed("not reached");
        } catch (IllegalStateException e) {
            String message = e.getMessage(); // at:caught.catch
            return Future.completed(name + tries + message);
        }
    }

    /** A generator: the lines after the yield run in its resume method, once per resumption. */
    @Generates
    Generator<Integer> squares(int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            int sq = i * i;
            Yield.yield(sq); // at:squares.yield
            total += sq; // at:squares.after
        }
        return Yield.done(total);
    }

    /** Consumes {@code g} and describes what came out. */
    String drain(Generator<Integer> g) {
        StringBuilder out = new StringBuilder();
        for (int v : g) {
            out.append(v).append(' ');
        }
        Object total = g.returnValue();
        return out.append("total=").append(total).toString();
    }

    /** Completes with {@code value} on a later turn of the loop. */
    @Async
    static <T> Future<T> later(T value) {
        await(EventLoop.yieldNow());
        return Future.completed(value);
    }

    /** Fails on a later turn of the loop. */
    @Async
    static Future<Void> failLater(String name) {
        await(EventLoop.yieldNow());
        throw new IllegalStateException("boom " + name);
    }
}
