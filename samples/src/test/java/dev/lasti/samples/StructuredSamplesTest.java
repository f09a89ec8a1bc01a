package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task-group and request-id samples do what the tour says they do. */
class StructuredSamplesTest {
    @Test
    void taskGroup_theFailureCancelsTheOthers_andTheGroupFailsAfterEveryCleanup() {
        VirtualTime time = new VirtualTime();
        FetchGroup.Result r = EventLoop.builder().timeSource(time).build()
                .runUntilComplete(() -> FetchGroup.demo(Duration.ofMillis(100)));
        assertInstanceOf(IOException.class, r.failure());
        assertEquals("connection reset fetching /b!", r.failure().getMessage());
        // /a finished before the failure; /b! cleaned up, failing at 250 ms; /c and /d were cancelled then
        assertEquals(List.of("fetched /a", "cleaned up /a", "cleaned up /b!", "cleaned up /c", "cleaned up /d",
                "group done"), r.log());
        assertEquals(Duration.ofMillis(300), r.took(), "the group waited for the 50 ms cleanups of /c and /d");
    }

    /** Two interleaved requests: every log line carries its own request's id, from logback's MDC. */
    @Test
    void requestId_everyLogLineCarriesItsOwnRequestsId() {
        List<String> lines = RequestIds.logLines();
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.contains("alice | start /orders?slow"), lines.toString());
        assertTrue(lines.contains("bob | start /orders"), lines.toString());
        assertEquals(List.of("bob | queried", "bob | done"),
                lines.stream().filter(l -> l.startsWith("bob") && !l.contains("start")).toList());
        assertEquals(List.of("alice | queried", "alice | done"),
                lines.stream().filter(l -> l.startsWith("alice") && !l.contains("start")).toList());
        // bob (50 ms steps) finishes while alice (150 ms steps) is between her awaits: interleaved for real
        assertTrue(lines.indexOf("bob | done") < lines.indexOf("alice | queried"), lines.toString());
    }

    /** The slow server on a group: every client answered, by both loops, concurrently, never moving loops. */
    @Test
    void everyCore_twentyClientsAreServedByBothLoops_atOnce() {
        EveryCore.Result r = EveryCore.demo();
        assertEquals(EveryCore.CLIENTS, r.servedBy().values().stream().mapToInt(Integer::intValue).sum(), r.toString());
        assertEquals(2, r.servedBy().size(), "both loops served, and no request moved loops: " + r.servedBy());
        r.servedBy().keySet().forEach(k -> assertTrue(k.matches("lasti-\\d+-loop-[01]"), k));
        // 20 requests of 300 ms each: 6 s one after another; concurrent, they overlap (a generous bound)
        assertTrue(r.took().compareTo(Duration.ofSeconds(3)) < 0, "took " + r.took());
    }
}
