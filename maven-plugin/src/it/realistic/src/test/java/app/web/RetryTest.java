package app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.util.Retry;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    @Test
    void retriesAFailureCaughtAtTheAwait() {
        AtomicInteger calls = new AtomicInteger();
        String result = EventLoop.run(() -> Retry.withRetry(() -> calls.incrementAndGet() < 3
                ? Future.failed(new IllegalStateException("flaky")) : Future.completed("ok"), 5));
        assertEquals("ok", result);
        assertEquals(3, calls.get());
    }

    @Test
    void varargsAndListOverloads() {
        assertEquals(6, EventLoop.run(() -> Retry.sum(1, 2, 3)));
        assertEquals(10, EventLoop.run(() -> Retry.sum(List.of(4, 6))));
    }
}
