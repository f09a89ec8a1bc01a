package dev.lasti.bench.skynet;

import dev.lasti.bench.VirtualThreads;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/** The peers that need no hand-written machinery: plain recursion, {@link CompletableFuture}, virtual threads. */
final class SkynetPeers {
    private SkynetPeers() {}

    /** The floor for the synchronous variant. */
    static long recursion(long num, int size, int div) {
        if (size == 1) {
            return num;
        }
        int sub = size / div;
        long sum = 0;
        for (int i = 0; i < div; i++) {
            sum += recursion(num + (long) i * sub, sub, div);
        }
        return sum;
    }

    /**
     * {@code CompletableFuture} composition on one thread. Suspending leaves complete from a LIFO queue that
     * this thread drains, the way an event loop would; synchronous leaves are already completed.
     */
    static long completableFuture(int size, int div, boolean suspend) {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();
        CompletableFuture<Long> root = cf(0, size, div, suspend, queue);
        for (Runnable r; (r = queue.pollFirst()) != null; ) {
            r.run();
        }
        return root.join();
    }

    private static CompletableFuture<Long> cf(long num, int size, int div, boolean suspend,
            ArrayDeque<Runnable> queue) {
        if (size == 1) {
            if (!suspend) {
                return CompletableFuture.completedFuture(num);
            }
            CompletableFuture<Long> leaf = new CompletableFuture<>();
            queue.push(() -> leaf.complete(num));
            return leaf;
        }
        int sub = size / div;
        CompletableFuture<?>[] children = new CompletableFuture<?>[div];
        for (int i = 0; i < div; i++) {
            children[i] = cf(num + (long) i * sub, sub, div, suspend, queue);
        }
        return CompletableFuture.allOf(children).thenApply(ignored -> {
            long sum = 0;
            for (CompletableFuture<?> c : children) {
                sum += (Long) c.join();
            }
            return sum;
        });
    }

    /** One virtual thread per node, joined by its parent; suspending leaves {@code Thread.yield()} once. */
    static long virtualThreads(int size, int div, boolean suspend) throws InterruptedException {
        long[] result = new long[1];
        VirtualThreads.start(() -> result[0] = vt(0, size, div, suspend)).join();
        return result[0];
    }

    private static long vt(long num, int size, int div, boolean suspend) {
        if (size == 1) {
            if (suspend) {
                Thread.yield();
            }
            return num;
        }
        int sub = size / div;
        long[] sums = new long[div];
        Thread[] threads = new Thread[div];
        for (int i = 0; i < div; i++) {
            int k = i;
            threads[i] = VirtualThreads.start(() -> sums[k] = vt(num + (long) k * sub, sub, div, suspend));
        }
        long sum = 0;
        try {
            for (int i = 0; i < div; i++) {
                threads[i].join();
                sum += sums[i];
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
        return sum;
    }
}
