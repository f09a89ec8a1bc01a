package it.agent;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void mainCodeIsRewrittenAsItLoads() {
        assertEquals("Hello, agent", EventLoop.run(() -> new Greeter().greet("agent")));
    }

    @Async
    Future<Integer> twice(Future<Integer> f) {
        int v = await(f);
        await(EventLoop.yieldNow());
        return Future.completed(v * 2);
    }

    @Test
    void testCodeIsRewrittenToo() {
        assertEquals(42, EventLoop.run(() -> twice(EventLoop.blocking(() -> 21))));
    }
}
