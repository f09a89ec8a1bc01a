package dev.lasti.bench.skynet;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Skynet as a user would write it with lasti: one {@code @Async} call per node, children awaited in order. */
final class SkynetLasti {
    private SkynetLasti() {}

    /** Leaves await {@link EventLoop#yieldNow()}, so every one of the million leaves really suspends. */
    static long suspending(int size, int div) {
        return loop().runUntilComplete(() -> node(0, size, div, /* suspend = */ true));
    }

    /** Leaves return a completed future, so every await takes the fast path and nothing suspends. */
    static long synchronous(int size, int div) {
        return loop().runUntilComplete(() -> node(0, size, div, /* suspend = */ false));
    }

    /**
     * A loop without the blocked-loop report: the first iteration legitimately makes a million calls, and
     * the report's stack dumps would be timed with the workload.
     */
    private static EventLoop loop() {
        return EventLoop.builder().blockedThreshold(Duration.ZERO).build();
    }

    @Async
    static Future<Long> node(long num, int size, int div, boolean suspend) {
        if (size == 1) {
            if (suspend) {
                await(EventLoop.yieldNow());
            }
            return Future.completed(num);
        }
        int sub = size / div;
        List<Future<Long>> children = new ArrayList<>(div);
        for (int i = 0; i < div; i++) {
            children.add(node(num + (long) i * sub, sub, div, suspend));
        }
        long sum = 0;
        for (Future<Long> child : children) {
            sum += await(child);
        }
        return Future.completed(sum);
    }
}
