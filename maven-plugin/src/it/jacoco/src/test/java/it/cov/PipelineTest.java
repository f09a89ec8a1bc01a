package it.cov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.EventLoop;
import org.junit.jupiter.api.Test;

class PipelineTest {
    @Test
    void runsThroughEverySuspension() {
        // total = 2 + 10 + 0 + 1 + 2 = 15; "total=15" has 8 characters
        assertEquals(23, EventLoop.run(() -> new Pipeline().run(2)));
    }
}
