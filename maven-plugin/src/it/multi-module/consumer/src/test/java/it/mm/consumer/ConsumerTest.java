package it.mm.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.EventLoop;
import org.junit.jupiter.api.Test;

class ConsumerTest {
    @Test
    void awaitsAnAsyncMethodFromAnotherModule() {
        assertEquals("value of a, value of b", EventLoop.run(() -> new Consumer().both()));
    }
}
