package dev.lasti.bench.skynet;

import dev.lasti.bench.VirtualThreads;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Skynet 1M (1,111,111 nodes, branching 10, leaves 0..999,999) as a whole-process workload: one JVM launch
 * runs one implementation several times and prints the median of the runs after warm-up as {@code RESULT
 * <name> <ms>}. run.sh launches the implementations alternately and takes medians across launches.
 *
 * <p>Usage: {@code Skynet <impl> <suspend|sync> [runs]}, impl one of lasti, handwritten, recursion,
 * completable-future, virtual-threads.
 */
public final class Skynet {
    static final int SIZE = 1_000_000;
    static final int DIV = 10;
    static final long EXPECTED = 499_999_500_000L;

    private Skynet() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Skynet <lasti|handwritten|recursion|completable-future|virtual-threads>"
                    + " <suspend|sync> [runs]");
            System.exit(2);
        }
        String impl = args[0];
        boolean suspend = args[1].equals("suspend");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String name = "skynet/" + args[1] + "/" + impl;
        if (impl.equals("virtual-threads") && !VirtualThreads.available()) {
            System.out.println("SKIPPED " + name + " " + VirtualThreads.skipMessage());
            return;
        }
        double[] ms = new double[runs];
        long allocated = 0;
        long gcMillis = 0;
        for (int r = 0; r < runs; r++) {
            long bytes0 = allocatedBytes();
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            long sum = run(impl, suspend);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            allocated = allocatedBytes() - bytes0; // the last run's, once everything is compiled
            gcMillis += r >= runs / 2 ? gcMillis() - gc0 : 0;
            if (sum != EXPECTED) {
                throw new AssertionError(name + " computed " + sum + ", expected " + EXPECTED);
            }
        }
        // The first half is warm-up: JIT compilation and heap sizing.
        double[] measured = Arrays.copyOfRange(ms, runs / 2, runs);
        double total = Arrays.stream(measured).sum();
        Arrays.sort(measured);
        System.out.printf("RESULT %s %.3f%n", name, measured[measured.length / 2]);
        if (!impl.equals("virtual-threads")) { // the others run on this thread alone
            System.out.printf("RESULT skynet-bytes/%s/%s %.1f%n", args[1], impl, allocated / (double) NODES);
            System.out.printf("RESULT skynet-gc-share/%s/%s %.1f%n", args[1], impl, 100.0 * gcMillis / total);
        }
    }

    /** Nodes in the tree: 10^0 + 10^1 + ... + 10^6. */
    private static final long NODES = 1_111_111;

    /** Bytes this thread has allocated so far (HotSpot's per-thread TLAB accounting). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Milliseconds all collectors have spent so far (pauses, for G1's young collections). */
    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long run(String impl, boolean suspend) throws InterruptedException {
        switch (impl) {
            case "lasti":
                return suspend ? SkynetLasti.suspending(SIZE, DIV) : SkynetLasti.synchronous(SIZE, DIV);
            case "handwritten":
                return SkynetHandwritten.suspending(SIZE, DIV);
            case "recursion":
                return SkynetPeers.recursion(0, SIZE, DIV);
            case "completable-future":
                return SkynetPeers.completableFuture(SIZE, DIV, suspend);
            case "virtual-threads":
                return SkynetPeers.virtualThreads(SIZE, DIV, suspend);
            default:
                throw new IllegalArgumentException("unknown implementation: " + impl);
        }
    }
}
