package dev.lasti.bench.peers.ea;

import static com.ea.async.Async.await;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The ea-async bodies. Each {@code await} is rewritten into a state machine at build time by
 * ea-async-maven-plugin. Suspensions go through a LIFO queue of {@link Runnable}s that the calling thread
 * drains, as in the {@code CompletableFuture} peer of dev.lasti.bench.skynet: one thread, no executor.
 */
final class EaWorkloads {
    private EaWorkloads() {}

    /** A future that the queue completes later, the counterpart of lasti's {@code EventLoop.yieldNow()}. */
    static CompletableFuture<Void> later(ArrayDeque<Runnable> queue) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        queue.push(() -> f.complete(null));
        return f;
    }

    /** Runs the queue until it is empty. */
    static void drain(ArrayDeque<Runnable> queue) {
        for (Runnable r; (r = queue.pollFirst()) != null; ) {
            r.run();
        }
    }

    /** Skynet: children started in order, then awaited in order; suspending leaves await {@link #later} once. */
    static CompletableFuture<Long> skynet(long num, int size, int div, boolean suspend, ArrayDeque<Runnable> queue) {
        if (size == 1) {
            if (suspend) {
                await(later(queue));
            }
            return CompletableFuture.completedFuture(num);
        }
        int sub = size / div;
        CompletableFuture<?>[] children = new CompletableFuture<?>[div];
        for (int i = 0; i < div; i++) {
            children[i] = skynet(num + (long) i * sub, sub, div, suspend, queue);
        }
        long sum = 0;
        for (int i = 0; i < div; i++) {
            sum += (Long) await(children[i]);
        }
        return CompletableFuture.completedFuture(sum);
    }

    /** {@code n} suspend + resume round trips in a loop, then one await of {@code gate}. */
    static CompletableFuture<Long> loop(int n, ArrayDeque<Runnable> queue, CompletableFuture<Void> gate) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            await(later(queue));
            sum += i;
        }
        await(gate);
        return CompletableFuture.completedFuture(sum);
    }

    /** Awaits a future nobody completes: returns at once only if this class was instrumented. */
    static CompletableFuture<Void> probe(CompletableFuture<Void> never) {
        await(never);
        return CompletableFuture.completedFuture(null);
    }
}
