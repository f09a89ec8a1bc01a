package dev.lasti.bench.peers.ea;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ea-async 1.2.3 as a peer, one workload per JVM launch, printing {@code RESULT <key> <value>} in the shape
 * of dev.lasti.bench.skynet.Skynet (median of the second half of the runs):
 * <ul>
 *   <li>{@code skynet <suspend|sync> [runs]}: {@code skynet/<variant>/ea-async} in ms;</li>
 *   <li>{@code resume [runs] [n]}: {@code resume/ea-async-ns}, ns per await in a loop of n (100,000);</li>
 *   <li>{@code growth <n>}: {@code growth/ea-async/<n>}, bytes of live heap (after full GC) that a method
 *       still suspended after {@code n} awaits in a loop holds, per await. Zero means no growth.</li>
 * </ul>
 * If the classes were not instrumented (the plugin did not run, or ea-async cannot work on this JVM), an
 * await would block its thread; a probe finds that first and prints {@code SKIPPED <key> <why>}.
 */
public final class EaAsyncMain {
    private static final int SIZE = 1_000_000;
    private static final int DIV = 10;
    private static final long EXPECTED = 499_999_500_000L;
    private static final int N = 100_000;

    private EaAsyncMain() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        String what = args[0];
        String key = what.equals("skynet") ? "skynet/" + args[1] + "/ea-async"
                : what.equals("resume") ? "resume/ea-async-ns" : "growth/ea-async/" + args[1];
        String why = probe();
        if (why != null) {
            System.out.println("SKIPPED " + key + " " + why);
            Runtime.getRuntime().halt(0);
        }
        switch (what) {
            case "skynet":
                skynet(key, args[1].equals("suspend"), args.length > 2 ? Integer.parseInt(args[2]) : 10);
                break;
            case "resume":
                resume(key, args.length > 1 ? Integer.parseInt(args[1]) : 20,
                        args.length > 2 ? Integer.parseInt(args[2]) : N);
                break;
            case "growth":
                growth(key, Integer.parseInt(args[1]));
                break;
            default:
                throw new IllegalArgumentException("unknown workload: " + what);
        }
    }

    /** Null if an await of a pending future returns a pending future at once, else why not. */
    private static String probe() throws InterruptedException {
        AtomicReference<CompletableFuture<Void>> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                out.set(EaWorkloads.probe(new CompletableFuture<>()));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "ea-async-probe");
        t.setDaemon(true);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(10));
        Throwable e = failure.get();
        if (e != null) {
            // Uninstrumented, ea-async tries to load itself as an agent at run time; say why that failed.
            return "ea-async failed on JDK " + System.getProperty("java.version") + ": " + e
                    + (e.getCause() != null ? ", caused by " + e.getCause() : "");
        }
        if (out.get() == null) {
            return "await blocked its thread on " + System.getProperty("java.version")
                    + ": the classes were not instrumented";
        }
        return out.get().isDone() ? "await of a pending future completed" : null;
    }

    private static void skynet(String key, boolean suspend, int runs) {
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            ArrayDeque<Runnable> queue = new ArrayDeque<>();
            CompletableFuture<Long> root = EaWorkloads.skynet(0, SIZE, DIV, suspend, queue);
            EaWorkloads.drain(queue);
            long sum = root.join();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (sum != EXPECTED) {
                throw new AssertionError(key + " computed " + sum + ", expected " + EXPECTED);
            }
        }
        System.out.printf("RESULT %s %.3f%n", key, medianOfWarm(ms));
    }

    private static void resume(String key, int runs, int n) {
        double[] ns = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            ArrayDeque<Runnable> queue = new ArrayDeque<>();
            CompletableFuture<Long> f = EaWorkloads.loop(n, queue, CompletableFuture.completedFuture(null));
            EaWorkloads.drain(queue);
            long sum = f.join();
            ns[r] = (System.nanoTime() - t0) / (double) n;
            if (System.getenv("PEERS_VERBOSE") != null) {
                System.err.printf("run %d: %.1f ns%n", r, ns[r]);
            }
            if (sum != (long) n * (n - 1) / 2) {
                throw new AssertionError(key + " computed " + sum);
            }
        }
        System.out.printf("RESULT %s %.3f%n", key, medianOfWarm(ns));
    }

    private static void growth(String key, int n) {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        long before = liveHeapAfterGc();
        CompletableFuture<Long> f = EaWorkloads.loop(n, queue, gate);
        EaWorkloads.drain(queue); // n awaits done; the method is now suspended on the gate
        long after = liveHeapAfterGc();
        System.out.printf("RESULT %s %.1f%n", key, (after - before) / (double) n);
        gate.complete(null);
        EaWorkloads.drain(queue);
        if (f.join() != (long) n * (n - 1) / 2) {
            throw new AssertionError(key + " computed " + f.join());
        }
    }

    /** The first half is warm-up: JIT compilation and heap sizing. */
    private static double medianOfWarm(double[] values) {
        double[] measured = Arrays.copyOfRange(values, values.length / 2, values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    /** Heap in use after full collections, the smallest of a few, as in dev.lasti.bench.memory.Memory. */
    private static long liveHeapAfterGc() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
