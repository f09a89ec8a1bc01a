package dev.lasti.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plain-{@code void} form: {@link LastiTest#run} inside ordinary Jupiter tests. */
class LastiTestRunTest {

    @Test
    void returnsTheValueAfterAVirtualHour() {
        long start = System.nanoTime();
        long loopNanos = LastiTest.run(() -> hourThenClock(EventLoop.sleep(Duration.ofHours(1))));
        assertEquals(Duration.ofHours(1).toNanos(), loopNanos);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    private static Future<Long> hourThenClock(Future<Void> hour) {
        dev.lasti.Promise<Long> p = new dev.lasti.Promise<>();
        hour.whenDone(f -> p.complete(EventLoop.current().nanoTime()));
        return p;
    }

    @Test
    void throwsTheBodysFailureUnwrapped() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LastiTest.run(() -> Future.failed(new IllegalStateException("boom"))));
        assertEquals("boom", e.getMessage());
    }

    @Test
    void appliesTheChecks() {
        AssertionError e = assertThrows(AssertionError.class, () -> LastiTest.run(() -> {
            EventLoop.sleep(Duration.ofDays(1)).whenDone(f -> { }); // a timer, not a task: fine
            Future.failed(new IllegalArgumentException("lost"));
            return Future.completed(null);
        }));
        assertTrue(e.getMessage().contains("nobody retrieved its failure: java.lang.IllegalArgumentException: lost"),
                e.getMessage());
    }

    @Test
    void realTimeSettings() {
        long start = System.nanoTime();
        LastiTest.run(LastiTest.Settings.DEFAULT.withRealTime(), () -> EventLoop.sleep(Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
    }
}
