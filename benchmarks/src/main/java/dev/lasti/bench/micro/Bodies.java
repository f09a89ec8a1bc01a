package dev.lasti.bench.micro;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/**
 * The code under measurement, kept out of the JMH classes so that the transformer sees ordinary user code.
 * Each {@code @Async} method has a twin without {@code @Async} that does the same work through a direct call,
 * so a ratio isolates what the transformation adds.
 */
public final class Bodies {
    private Bodies() {}

    /** (a) An await on a future that is already done: the transformed done-check takes the fast path. */
    @Async
    public static Future<Integer> awaitDone(Future<Integer> done) {
        int v = await(done);
        return Future.completed(v + 1);
    }

    /** The twin of {@link #awaitDone}: reads the value with a direct call. */
    public static Future<Integer> readDone(Future<Integer> done) {
        int v = done.join();
        return Future.completed(v + 1);
    }

    /** (c) Awaits an {@code @Async} child that completes synchronously, so neither ever suspends. */
    @Async
    public static Future<Integer> awaitSyncChild(int x) {
        int v = await(syncChild(x));
        return Future.completed(v + 1);
    }

    /** The twin of {@link #awaitSyncChild}: the same child called and read directly. */
    public static Future<Integer> callPlainChild(int x) {
        int v = plainChild(x).join();
        return Future.completed(v + 1);
    }

    /** An {@code @Async} method with nothing to await. */
    @Async
    public static Future<Integer> syncChild(int x) {
        return Future.completed(x * 31);
    }

    /** The twin of {@link #syncChild}. */
    public static Future<Integer> plainChild(int x) {
        return Future.completed(x * 31);
    }

    /**
     * (b) {@code n} round trips through the loop: each await of {@link EventLoop#yieldNow()} suspends the
     * task, and the loop resumes it in its next iteration.
     */
    @Async
    public static Future<Integer> yieldLoop(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            await(EventLoop.yieldNow());
            sum += i;
        }
        return Future.completed(sum);
    }
}
