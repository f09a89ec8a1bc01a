package dev.lasti.bench.memory;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;

/** The suspended task measured by {@link Memory}: a few locals live across its one await. */
final class Sleepers {
    private Sleepers() {}

    /** Suspends on {@code gate} with {@code x}, {@code b} and {@code tag} saved in its frame. */
    @Async
    static Future<Long> sleeper(Future<?> gate, long a, int b, String tag) {
        long x = a * b;
        await(gate);
        return Future.completed(x + b + tag.length());
    }

    /**
     * Awaits {@code n} yields in a loop, completes {@code reached}, then suspends on {@code gate}: whatever
     * the loop of awaits left behind is still held while it waits (ea-async's frames grow here).
     */
    @Async
    static Future<Long> looper(int n, Promise<Void> reached, Future<?> gate) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            await(EventLoop.yieldNow());
            sum += i;
        }
        reached.complete(null);
        await(gate);
        return Future.completed(sum);
    }
}
