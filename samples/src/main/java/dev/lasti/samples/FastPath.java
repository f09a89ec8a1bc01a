package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/**
 * S11 (seed 004): awaiting a future that is already done does not suspend and does not go through the
 * loop, like Tornado's Runner continuing at once. Here it runs with no event loop at all: the returned
 * future is already done when the call returns. Tornado's Runner (seed 003):
 *
 * <pre>
 * if not self.future.done() or self.future is moment:
 *     self.io_loop.add_future(self.future, lambda f: self.run())
 *     return False
 * return True                     # already done: run() loops and sends the value at once
 * </pre>
 */
public final class FastPath {
    private FastPath() {}

    /** Sums {@code n} already-done futures. */
    @Async
    static Future<Long> sumDone(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(Future.completed((long) i));
        }
        return Future.completed(sum);
    }

    /** Calls {@link #sumDone} on a thread that runs no loop and reports the result. */
    public static String run() {
        int n = 1_000_000;
        long start = System.nanoTime();
        Future<Long> sum = sumDone(n);
        double ms = (System.nanoTime() - start) / 1e6;
        return String.format("%,d awaits on done futures, no loop needed: done=%s, sum=%d, %.1f ms",
                n, sum.isDone(), sum.resultNow(), ms);
    }
}
