package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential test over random programs: each generated {@code @Async} method, transformed and verified,
 * must agree with its plain twin (value, exception class and message, event trace) under every schedule.
 *
 * <p>The fixed seed set always runs. More programs (add {@code -Dtest='GeneratedProgramsTest#propertyMode*'} to skip
 * the fixed set): {@code -Dlasti.generator.count=100000
 * -Dlasti.generator.seed=123}. Reproduce one: {@code -Dlasti.generator.count=1 -Dlasti.generator.seed=<seed>}.
 * Generator programs instead: {@code -Dlasti.generator.kind=GENERATOR} (or {@code ASYNC_GENERATOR}) with the
 * count and seed. Switch shapes off: {@code -Dlasti.generator.off=FINALLY,NEW_PAIR}. Batches run on two threads, or on
 * {@code -Dlasti.generator.threads=N}.
 */
class GeneratedProgramsTest {
    /** Seeds 0..FIXED-1 run in every build. */
    static final int FIXED = 1000;
    /**
     * Generator programs of seeds 0..FIXED_GENERATORS-1 and async generator programs of seeds
     * 0..FIXED_ASYNC_GENERATORS-1 run in every build too (other programs than the async ones of those seeds).
     */
    static final int FIXED_GENERATORS = 200;
    static final int FIXED_ASYNC_GENERATORS = 100;
    private static final Path FAILURES = Path.of("target", "generator-failures");

    @Test
    void fixedSeedPrograms_behaveLikeTheirPlainTwins_underEverySchedule() throws Exception {
        check(0, FIXED);
    }

    /**
     * Each {@code @Generates} program, driven by next(), a for-each, sends, throw-ins and closes at chosen
     * values and seeded mixes of them, must show what its twin shows under the same consumer.
     */
    @Test
    void fixedSeedGenerators_behaveLikeTheirPlainTwins_underEveryConsumer() throws Exception {
        assertEndings(check(Mode.GENERATOR, 0, FIXED_GENERATORS), List.of("returned", "threw", "closed",
                "close ignored by a yield in a finally block", "thrown-in exception caught by the body"));
    }

    /**
     * Each {@code @Async @Generates} program, drained or closed by a consumer on the loop, under every schedule,
     * including a cancel of the pending {@code hasNext()} at an await.
     */
    @Test
    void fixedSeedAsyncGenerators_behaveLikeTheirPlainTwins_underEveryScheduleAndConsumer() throws Exception {
        assertEndings(check(Mode.ASYNC_GENERATOR, 0, FIXED_ASYNC_GENERATORS), List.of("returned", "threw", "closed",
                "close ignored by a yield in a finally block", "cancelled at an await"));
    }

    /** The runs compared really ended in each of these ways, often: a green run that never closed proves little. */
    private static void assertEndings(Map<String, Long> endings, List<String> wanted) {
        for (String e : wanted) {
            assertTrue(endings.getOrDefault(e, 0L) >= 10, "only " + endings.getOrDefault(e, 0L) + " runs ended "
                    + e + "; all endings: " + endings);
        }
    }

    @Test
    void propertyMode_runsManyMorePrograms_whenCountIsGiven() throws Exception {
        String count = System.getProperty("lasti.generator.count");
        assumeTrue(count != null, "property mode is off: set -Dlasti.generator.count=N (and optionally "
                + "-Dlasti.generator.seed=S, -Dlasti.generator.kind=GENERATOR or ASYNC_GENERATOR) to run N more"
                + " generated programs from seed S");
        Mode kind = Mode.valueOf(System.getProperty("lasti.generator.kind", "ASYNC"));
        long seed = Long.parseLong(System.getProperty("lasti.generator.seed", Long.toString(FIXED)));
        check(kind, seed, Long.parseLong(count));
    }

    private static void check(long first, long count) throws Exception {
        check(Mode.ASYNC, first, count);
    }

    /** Runs the programs, fails with a report if any disagrees with its twin, else returns how runs ended. */
    private static Map<String, Long> check(Mode kind, long first, long count) throws Exception {
        Set<Shape> shapes = Shape.allExcept(System.getProperty("lasti.generator.off", ""));
        long start = System.nanoTime();
        List<Finding> findings;
        String totals;
        Map<String, Long> endings;
        int threads = Integer.getInteger("lasti.generator.threads", 2);
        try (GeneratorHarness harness = new GeneratorHarness(shapes, kind, FAILURES, threads)) {
            findings = harness.run(first, count);
            totals = harness.totals();
            endings = harness.endings();
        }
        System.out.printf("generator: %d %s programs from seed %d, shapes off %s, %d ms, %s, %d findings%n", count,
                kind, first, java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(shapes)),
                (System.nanoTime() - start) / 1_000_000, totals, findings.size());
        if (!findings.isEmpty()) {
            fail(report(kind, findings));
        }
        return endings;
    }

    /** Counts by kind, the first findings in full, and the source of the first failing program. */
    private static String report(Mode kind, List<Finding> findings) throws IOException {
        Map<Finding.Kind, Long> byKind = new EnumMap<>(Finding.Kind.class);
        findings.forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
        long programs = findings.stream().mapToLong(Finding::seed).distinct().count();
        StringBuilder sb = new StringBuilder();
        sb.append(findings.size()).append(" findings in ").append(programs).append(" programs ").append(byKind)
                .append("; each failing program is in ").append(FAILURES.toAbsolutePath()).append("/<seed>.java\n");
        sb.append("failing seeds: ").append(findings.stream().map(f -> Long.toUnsignedString(f.seed())).distinct()
                .limit(60).collect(Collectors.joining(" "))).append('\n');
        findings.stream().limit(8).forEach(f -> sb.append(f.describe()).append('\n'));
        String seed = Long.toUnsignedString(findings.get(0).seed());
        Path first = FAILURES.resolve((kind == Mode.ASYNC ? "" : ProgramGenerator.prefix(kind)) + seed + ".java");
        if (Files.exists(first)) {
            sb.append("\nsource of ").append(first).append(":\n").append(Files.readString(first));
        }
        return sb.toString();
    }
}
