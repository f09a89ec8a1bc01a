package dev.lasti.bench.memory;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.bench.VirtualThreads;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Bytes per suspended task: the live heap after a full GC with {@code n} tasks suspended, minus the live heap
 * before creating them, divided by {@code n}. Prints {@code RESULT memory/<impl>/<n> <bytes per task>}.
 *
 * <p>Usage: {@code Memory <impl> <n>}, impl one of
 * <ul>
 *   <li>{@code lasti-promise}: each task awaits one shared pending {@link Promise} (one callback entry each);</li>
 *   <li>{@code lasti-sleep}: each task awaits its own {@code EventLoop.sleep(1 h)} (a timer each);</li>
 *   <li>{@code lasti-growth}: one task awaits {@code n} yields in a loop and then a gate; the result is the
 *       heap it holds per await while suspended at the gate (the frame is reused, so about 0);</li>
 *   <li>{@code handwritten}: the floor, a hand-written task that is its own frame (state, the same three
 *       locals, result and waiter fields, as a lasti frame is its task's future) in a gate's waiter chain;</li>
 *   <li>{@code virtual-threads-park}: each virtual thread is parked by {@code LockSupport.park()};</li>
 *   <li>{@code virtual-threads-sleep}: each virtual thread sleeps in {@code Thread.sleep(1 h)}.</li>
 * </ul>
 * The array that keeps the tasks reachable exists before the first measurement, so it is not counted.
 */
public final class Memory {
    private static final Duration LONG = Duration.ofHours(1);

    private Memory() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Memory <lasti-promise|lasti-sleep|handwritten|virtual-threads-park|"
                    + "virtual-threads-sleep> <n>");
            System.exit(2);
        }
        String impl = args[0];
        int n = Integer.parseInt(args[1]);
        String name = "memory/" + impl + "/" + n;
        if (impl.startsWith("virtual-threads") && !VirtualThreads.available()) {
            System.out.println("SKIPPED " + name + " " + VirtualThreads.skipMessage());
            return;
        }
        if (impl.equals("lasti-growth")) {
            System.out.printf("RESULT growth/lasti/%d %.3f%n", n, growth(n));
            Runtime.getRuntime().halt(0);
        }
        double perTask = impl.startsWith("lasti") ? lasti(impl, n)
                : impl.equals("handwritten") ? handwritten(n) : virtualThreads(impl, n);
        System.out.printf("RESULT %s %.1f%n", name, perTask);
        // Skip the loop's and the threads' orderly shutdown of a million tasks: nothing more to measure.
        Runtime.getRuntime().halt(0);
    }

    private static double lasti(String impl, int n) {
        Object[] keep = new Object[n];
        // No blocked-loop reports: creating a million tasks is one long, legitimate iteration.
        return EventLoop.builder().blockedThreshold(Duration.ZERO).build().runUntilComplete(() -> {
            Promise<Void> gate = new Promise<>();
            long before = liveHeapAfterGc();
            for (int i = 0; i < n; i++) {
                Future<?> awaited = impl.equals("lasti-sleep") ? EventLoop.sleep(LONG) : gate;
                keep[i] = Sleepers.sleeper(awaited, i, 3, "t");
            }
            long after = liveHeapAfterGc();
            return Future.completed((after - before) / (double) n);
        });
    }

    private static double growth(int n) {
        return EventLoop.builder().blockedThreshold(Duration.ZERO).build().runUntilComplete(() -> {
            Promise<Void> gate = new Promise<>();
            Promise<Void> reached = new Promise<>();
            long before = liveHeapAfterGc();
            Future<Long> task = Sleepers.looper(n, reached, gate);
            Promise<Double> out = new Promise<>();
            reached.whenDone(f -> EventLoop.current().execute(() -> { // the task is at the gate by now
                out.complete((liveHeapAfterGc() - before) / (double) n);
                gate.complete(null);
            }));
            return task.isDone() ? Future.failed(new AssertionError("never suspended")) : out;
        });
    }

    /** A hand-written suspended task: what a frame with these locals costs at the least. */
    static final class HandTask {
        int state;
        long x;
        int i;
        String s;
        Object result;
        Object waiters;
    }

    /** One entry of a gate's waiter chain, as a lasti promise keeps one per waiting task. */
    record Waiter(HandTask task, Waiter next) {}

    private static double handwritten(int n) {
        Object[] keep = new Object[n];
        Waiter[] gate = new Waiter[1];
        long before = liveHeapAfterGc();
        for (int i = 0; i < n; i++) {
            HandTask t = new HandTask();
            t.x = i * 3L;
            t.i = i;
            t.s = "t";
            t.state = 1; // suspended at its first await
            gate[0] = new Waiter(t, gate[0]);
            keep[i] = t;
        }
        long after = liveHeapAfterGc();
        if (gate[0] == null) {
            throw new AssertionError("unreachable: keeps the chain live until the measurement");
        }
        return (after - before) / (double) n;
    }

    private static double virtualThreads(String impl, int n) throws InterruptedException {
        Thread[] keep = new Thread[n];
        AtomicInteger waiting = new AtomicInteger();
        boolean sleep = impl.equals("virtual-threads-sleep");
        long before = liveHeapAfterGc();
        for (int i = 0; i < n; i++) {
            long a = i;
            keep[i] = VirtualThreads.start(() -> {
                long x = a * 3; // the same live locals as the lasti task
                waiting.incrementAndGet();
                if (sleep) {
                    try {
                        Thread.sleep(LONG.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    LockSupport.park();
                }
                System.out.print(x);
            });
        }
        while (waiting.get() < n) {
            Thread.sleep(10);
        }
        Thread.sleep(200); // let the last ones reach park after counting themselves
        long after = liveHeapAfterGc();
        return (after - before) / (double) n;
    }

    /** Heap in use after full collections, the smallest of a few, so that lazily freed garbage is out. */
    private static long liveHeapAfterGc() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
