package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures are never lost: one that nobody retrieved is logged when its future becomes unreachable. */
@Timeout(120)
class UnretrievedFailureTest {
    private static String unique(String what) {
        return what + " " + System.nanoTime();
    }

    /** In a method of its own, so that no local variable keeps the future reachable. */
    private static void failAndDrop(String message) {
        Promise<String> p = new Promise<>();
        p.fail(new IllegalStateException(message));
    }

    private static void failRetrieveAndDrop(String message) {
        Promise<String> p = new Promise<>();
        p.fail(new IllegalStateException(message));
        assertThrows(IllegalStateException.class, p::resultNow);
    }

    private static void cancelAndDrop() {
        new Promise<String>().cancel();
    }

    private static void failPassOnAndDrop(String message) {
        Promise<String> source = new Promise<>();
        source.fail(new IllegalStateException(message));
        Promise<String> target = new Promise<>();
        target.completeWith(source); // responsibility moves to target, which nobody retrieves either
    }

    @Test
    void anUnretrievedFailure_isLoggedOnce_whenItsFutureIsCollected() throws InterruptedException {
        String message = unique("nobody looked at me");
        try (LogCapture log = LogCapture.start()) {
            failAndDrop(message);
            assertTrue(log.awaitRecord(LogCapture.thrownWithMessage(message), Duration.ofSeconds(30)));
            LogRecord r = log.matching(LogCapture.thrownWithMessage(message)).get(0);
            assertEquals(Level.SEVERE, r.getLevel());
            assertEquals("dev.lasti", r.getLoggerName());
            assertTrue(r.getMessage().contains("nobody retrieved"), r.getMessage());
        }
    }

    private static void loseARaceInAnyAndDrop(String message) {
        Promise<String> winner = new Promise<>();
        Promise<String> loser = new Promise<>();
        Future<String> first = Future.any(List.of(winner, loser));
        winner.complete("first");
        loser.fail(new IllegalStateException(message)); // any() does not take it: still nobody's
        assertEquals("first", first.resultNow());
    }

    @Test
    void aFailureThatLosesTheRaceInAny_isStillReported() throws InterruptedException {
        String message = unique("lost the race");
        try (LogCapture log = LogCapture.start()) {
            loseARaceInAnyAndDrop(message);
            assertTrue(log.awaitRecord(LogCapture.thrownWithMessage(message), Duration.ofSeconds(30)));
        }
    }

    @Test
    void retrievedFailures_andCancellations_areNotLogged() throws InterruptedException {
        String retrieved = unique("retrieved");
        String control = unique("control");
        String passedOn = unique("passed on");
        try (LogCapture log = LogCapture.start()) {
            failRetrieveAndDrop(retrieved);
            cancelAndDrop();
            failPassOnAndDrop(passedOn);
            failAndDrop(control);
            // once the control is reported, the others were collected in the same or an earlier cycle
            assertTrue(log.awaitRecord(LogCapture.thrownWithMessage(control), Duration.ofSeconds(30)));
            LogCapture.forceGc();
            Thread.sleep(200);
            assertTrue(log.matching(LogCapture.thrownWithMessage(retrieved)).isEmpty());
            assertTrue(log.matching(r -> r.getThrown() instanceof java.util.concurrent.CancellationException)
                    .isEmpty());
            assertEquals(1, log.matching(LogCapture.thrownWithMessage(passedOn)).size(),
                    "a failure passed on is reported once, by the future that holds it last");
        }
    }
}
