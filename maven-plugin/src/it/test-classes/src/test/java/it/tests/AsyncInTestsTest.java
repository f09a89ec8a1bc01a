package it.tests;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An @Async method in test sources: transform-test rewrites it before surefire runs. */
class AsyncInTestsTest {
    @Async
    Future<Integer> slowAnswer() {
        await(EventLoop.sleep(Duration.ofMillis(10)));
        return Future.completed(42);
    }

    @Test
    void asyncMethodInATestClassRunsTransformed() {
        assertEquals(42, EventLoop.run(this::slowAnswer));
    }
}
