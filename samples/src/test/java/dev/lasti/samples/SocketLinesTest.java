package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** G5 over a real socket: every line, the last one without its newline, each as it arrives. */
class SocketLinesTest {
    @Test
    void theLinesComeOutOneByOne_asTheServerWritesThem() {
        SocketLines.Seen seen = EventLoop.run(() -> SocketLines.consume(
                List.of("first\n", "second\n", "third, without a newline"), Duration.ofMillis(100)));
        assertEquals(List.of("first", "second", "third, without a newline"), seen.lines());
        assertEquals(3, seen.returned());
        // each line came out when it was written, about 100 ms apart (generous margin: a shared machine)
        long gap = seen.atMillis().get(1) - seen.atMillis().get(0);
        assertTrue(gap >= 60, "the second line was handed out before it was written: " + seen.atMillis());
    }
}
