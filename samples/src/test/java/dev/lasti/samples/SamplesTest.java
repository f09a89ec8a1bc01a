package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The samples that need only the runtime and the transformer. Timing claims are checked in virtual time,
 * where they are exact; real-time runs belong to the tour. {@link SamplesAsyncTest} has the ones written
 * as {@code @AsyncTest} methods.
 */
class SamplesTest {
    private static <T> T runVirtual(VirtualTime time, Supplier<Future<T>> main) {
        return EventLoop.builder().timeSource(time).build().runUntilComplete(main);
    }

    @Test
    void delegation_passesValuesAndExceptionsThroughNestedAwaits() {
        assertEquals("5 -> 10 -> 20", EventLoop.run(() -> Delegation.describe(5)));
        assertEquals("caught: negative input -1", EventLoop.run(() -> Delegation.describe(-1)));
    }

    @Test
    void delegation_innerFailureReachesACallerThatDoesNotCatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventLoop.run(() -> Delegation.twice(-3)));
        assertEquals("negative input -3", e.getMessage());
    }

    @Test
    void blockingOffload_runsOnAWorkerAndResumesOnTheLoopThread() {
        String loopThread = Thread.currentThread().getName();
        String report = EventLoop.run(() -> BlockingOffload.slowRead("x", 10));
        assertTrue(report.startsWith("x read on lasti-blocking-"), report);
        assertTrue(report.endsWith("resumed on " + loopThread), report);
    }

    @Test
    void blockingOffload_loopKeepsTickingWhileWorkersBlock() {
        String report = EventLoop.run(BlockingOffload::demo);
        assertTrue(report.contains("the loop ticked 5 times"), report);
    }

    @Test
    void fastPath_doneFuturesNeedNoLoopAndCompleteTheCallSynchronously() {
        Future<Long> sum = FastPath.sumDone(10_000);
        assertTrue(sum.isDone(), "an @Async method that never waits returns a done future");
        assertEquals(10_000L * 9_999 / 2, sum.resultNow());
    }

    @Test
    void callbackWrap_resumesOnTheLoopThreadWithTheCallbacksValue() {
        try (CallbackWrap.LegacyDirectory directory = new CallbackWrap.LegacyDirectory()) {
            String loopThread = Thread.currentThread().getName();
            assertEquals("ada@example.org (resumed on " + loopThread + ")",
                    EventLoop.run(() -> CallbackWrap.mailOf(directory, "ada")));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EventLoop.run(() -> CallbackWrap.mailOf(directory, "")));
            assertEquals("empty user name", e.getMessage());
        }
    }

    @Test
    void interleave_overlapsEachFetchWithTheFlush() {
        VirtualTime sequential = new VirtualTime();
        assertEquals(5, (int) runVirtual(sequential,
                () -> Interleave.copySequential(new Interleave.Source(5), new Interleave.Sink())));
        VirtualTime interleaved = new VirtualTime();
        Interleave.Sink sink = new Interleave.Sink();
        assertEquals(5, (int) runVirtual(interleaved,
                () -> Interleave.copyInterleaved(new Interleave.Source(5), sink)));
        assertEquals(List.of("chunk-0", "chunk-1", "chunk-2", "chunk-3", "chunk-4"), sink.written);
        assertEquals(Duration.ofMillis(5 * (100 + 100)), sequential.elapsed());
        assertEquals(Duration.ofMillis(100 + 5 * 100), interleaved.elapsed());
    }

    @Test
    void looping_theJdbcUrlPropertyPointsItAtAnotherDatabase() {
        System.setProperty(Looping.URL_PROPERTY, "jdbc:h2:mem:switched");
        try {
            String report = Looping.run();
            assertTrue(report.contains("read 25 rows of jdbc:h2:mem:switched in 3 round trips"), report);
        } finally {
            System.clearProperty(Looping.URL_PROPERTY);
        }
    }

    @Test
    void everySampleHasAUniqueName() {
        assertEquals(Sample.ALL.size(), Sample.ALL.stream().map(Sample::name).distinct().count());
    }
}
