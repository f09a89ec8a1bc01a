package dev.lasti.bench.skynet;

import dev.lasti.bench.VirtualThreads;
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
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long sum = run(impl, suspend);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (sum != EXPECTED) {
                throw new AssertionError(name + " computed " + sum + ", expected " + EXPECTED);
            }
        }
        // The first half is warm-up: JIT compilation and heap sizing.
        double[] measured = Arrays.copyOfRange(ms, runs / 2, runs);
        Arrays.sort(measured);
        System.out.printf("RESULT %s %.3f%n", name, measured[measured.length / 2]);
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
