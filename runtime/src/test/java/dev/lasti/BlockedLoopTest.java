package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The blocked-loop report: blocking before the first await, naming the culprit, and a debugger's pauses. */
class BlockedLoopTest {
    private static Predicate<LogRecord> blockedReport() {
        return r -> r.getLevel() == Level.WARNING && r.getMessage().contains("has been busy for");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The entry method runs before the loop's first iteration; blocking there stalls the loop all the same. */
    private static Future<Void> entryThatBlocksBeforeItsFirstAwait() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Future.completed(null);
    }

    @Test
    void blockingInTheEntryMethod_beforeItsFirstAwait_isReported_andNamesTheBlockingMethod() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            EventLoop.builder().blockedThreshold(Duration.ofMillis(50)).build()
                    .runUntilComplete(BlockedLoopTest::entryThatBlocksBeforeItsFirstAwait);
            // The capture is process-wide: only this loop's report (its thread is the test's) counts
            String thread = "event loop thread " + Thread.currentThread().getName() + " ";
            Predicate<LogRecord> ours = blockedReport().and(r -> r.getMessage().contains(thread));
            assertTrue(log.awaitRecord(ours, Duration.ofSeconds(5)), () -> "no report; saw " + log.matching(blockedReport()));
            String message = log.matching(ours).get(0).getMessage();
            assertTrue(message.contains("in BlockedLoopTest.entryThatBlocksBeforeItsFirstAwait (BlockedLoopTest.java:"),
                    message);
        }
    }

    @Test
    @SuppressWarnings("removal") // Thread.suspend: the same JVM-level suspension a JDWP debugger uses
    void aLoopThreadSuspendedLikeAtADebuggerBreakpoint_isNotReportedAsBlocked() throws Exception {
        // Checked before any thread starts: JDK 20 made Thread.suspend throw and later JDKs removed it
        // (NoSuchMethodError), and a half-run test would leave a spinning loop behind.
        Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.suspend is gone on JDK "
                + Runtime.version().feature() + "; DebuggerTest.aPauseAtABreakpoint_isNotReportedAsABlockedLoop"
                + " covers a real JDWP pause on every JDK");
        CountDownLatch inside = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean(); // no lock: a suspended holder would deadlock the test
        try (LogCapture log = LogCapture.start()) {
            Thread t = new Thread(() -> EventLoop.builder().blockedThreshold(Duration.ofMillis(50)).build()
                    .runUntilComplete(() -> {
                        Promise<Void> done = new Promise<>();
                        EventLoop.current().execute(() -> {
                            inside.countDown();
                            long until = System.nanoTime() + 2_000_000_000L;
                            while (!release.get() && System.nanoTime() < until) {
                                Thread.onSpinWait(); // "at the breakpoint": busy only while suspended
                            }
                            done.complete(null);
                        });
                        return done;
                    }), "suspended-loop");
            t.start();
            inside.await();
            t.suspend();
            sleep(400); // eight thresholds: a report if the pause counted
            release.set(true);
            t.resume();
            t.join();
            assertEquals(List.of(), log.matching(blockedReport()), "a debugger's pause is not a blocked loop");
        }
    }
}
