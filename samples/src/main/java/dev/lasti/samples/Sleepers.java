package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a seed row: the shortest proof that a suspended task holds no thread. A hundred tasks each sleep one
 * second on one loop thread, and all of them are done after about one second, like a hundred
 * {@code yield gen.sleep(1)} coroutines on one Tornado IOLoop.
 */
public final class Sleepers {
    private Sleepers() {}

    /** One task: sleeps, then returns its id. */
    @Async
    static Future<Integer> nap(int id, Duration each) {
        await(EventLoop.sleep(each));
        return Future.completed(id);
    }

    /** Starts {@code count} naps, then waits for all of them. */
    @Async
    static Future<List<Integer>> napAll(int count, Duration each) {
        List<Future<Integer>> naps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            naps.add(nap(i, each));
        }
        return Future.completed(await(Future.all(naps)));
    }

    /** Times {@code count} concurrent naps of {@code each}. */
    public static String run(int count, Duration each) {
        long start = System.nanoTime();
        List<Integer> done = EventLoop.run(() -> napAll(count, each));
        return String.format("%d tasks each slept %.1f s on one loop thread; all done in %.2f s",
                done.size(), each.toMillis() / 1000.0, Seconds.since(start));
    }
}
