package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

/**
 * S6 (seed 001): an {@code @Async} method awaits another one, like {@code yield from}. Values come back up,
 * and an exception thrown in the inner method is caught by the outer one's {@code catch}. Seed 001:
 *
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
public final class Delegation {
    private Delegation() {}

    /** The inner coroutine: waits a little, then doubles {@code x} or fails for negative input. */
    @Async
    static Future<Integer> twice(int x) {
        await(EventLoop.sleep(Duration.ofMillis(20)));
        if (x < 0) {
            throw new IllegalArgumentException("negative input " + x);
        }
        return Future.completed(2 * x);
    }

    /** The outer coroutine: delegates to {@link #twice}, twice, and handles its failure. */
    @Async
    static Future<String> describe(int x) {
        try {
            int once = await(twice(x));
            int again = await(twice(once));
            return Future.completed(x + " -> " + once + " -> " + again);
        } catch (IllegalArgumentException e) {
            return Future.completed("caught: " + e.getMessage());
        }
    }

    /** Runs both paths and reports them. */
    public static String run() {
        String ok = EventLoop.run(() -> describe(5));
        String failed = EventLoop.run(() -> describe(-1));
        return "value passed up: " + ok + "; exception passed up: " + failed;
    }
}
