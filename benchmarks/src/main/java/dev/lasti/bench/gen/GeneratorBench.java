package dev.lasti.bench.gen;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterating 10 million ints from a lasti generator against a hand-written {@link Iterator}, and bytes per
 * suspended generator. A plain main, not JMH: it prints the median of several timed passes after warm-up,
 * the same shape as the Kotlin peer {@code KotlinSequenceBench}, so the two lines compare.
 * <pre>
 * java -cp benchmarks/target/lasti-benchmarks.jar dev.lasti.bench.gen.GeneratorBench [count] [suspended]
 * </pre>
 */
public final class GeneratorBench {
    private GeneratorBench() {}

    @Generates
    static Generator<Integer> ints(int n) {
        for (int i = 0; i < n; i++) {
            Yield.yield(i);
        }
        return Yield.done();
    }

    static Iterator<Integer> handwritten(int n) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Integer next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                return i++;
            }
        };
    }

    static long sum(Iterator<Integer> it) {
        long s = 0;
        while (it.hasNext()) {
            s += it.next();
        }
        return s;
    }

    /** Median milliseconds of {@code passes} timed passes (after as many warm-up passes). */
    static double medianMillis(int passes, java.util.function.LongSupplier pass) {
        long check = 0;
        for (int i = 0; i < passes; i++) {
            check += pass.getAsLong();
        }
        double[] ms = new double[passes];
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            check += pass.getAsLong();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        if (check == 42) {
            System.out.print("");
        }
        return ms[passes / 2];
    }

    /** Retained heap per generator suspended at its first yield. */
    static double bytesPerSuspended(int count) {
        List<Generator<Integer>> held = new ArrayList<>(count);
        long before = usedAfterGc();
        for (int i = 0; i < count; i++) {
            Generator<Integer> g = ints(1_000);
            g.next();
            held.add(g);
        }
        long after = usedAfterGc();
        double per = (after - before - 4.0 * count) / count; // minus the list's reference slots (compressed oops)
        if (held.size() != count) {
            throw new AssertionError();
        }
        return per;
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int suspended = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        double gen = medianMillis(7, () -> sum(ints(n)));
        double hand = medianMillis(7, () -> sum(handwritten(n)));
        System.out.printf("generator-ints n=%d lasti-generator %.1f ms, handwritten-iterator %.1f ms, ratio %.2f%n",
                n, gen, hand, gen / hand);
        double bytes = bytesPerSuspended(suspended);
        System.out.printf("generator-memory lasti-generator %.0f bytes per suspended generator (%d held)%n",
                bytes, suspended);
        // for benchmarks/run.sh (sections/generators.sh, report_generators.py)
        System.out.printf("RESULT generator-ints/lasti %.3f%n", gen);
        System.out.printf("RESULT generator-ints/handwritten %.3f%n", hand);
        System.out.printf("RESULT generator-bytes/lasti %.1f%n", bytes);
    }
}
