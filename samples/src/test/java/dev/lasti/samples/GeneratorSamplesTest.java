package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generator rows G1 to G4: each sample's output, exactly. */
class GeneratorSamplesTest {
    @Test
    void g1_useYield_isTheSeedsTranscript() {
        assertEquals(String.join("\n",
                ">>> gen.send(null)",
                "enter the func",
                "'hello'",
                ">>> gen.send(\"world\")",
                "got:  world",
                "StopIteration: world"), UseYield.run());
    }

    @Test
    void g2_yieldFrom_passesSendAndThrowThrough_andReturnsTheInnerValue() {
        assertEquals(String.join("\n",
                "next -> hello",
                "send(\"world\") -> world",
                "coro2 result world",
                "has more: false, CLOSED",
                "coro1 caught oops",
                "coro2 result recovered",
                "throwIn(oops): both returned, CLOSED"), YieldFrom.run());
    }

    @Test
    void g3_theSeedsFrameworkOnGenerators_runsTwoOneSecondRequestsAtOnce() throws Exception {
        try (SlowServer server = SlowServer.start()) {
            long start = System.nanoTime();
            String responses = SeedFramework.fetchTwo(server.address());
            double seconds = Seconds.since(start);
            String ok = "HTTP/1.1 200 OK \"Hello, world\"";
            assertEquals(ok + ", " + ok, responses);
            assertTrue(seconds < 1.8, "two 1 s requests overlap: " + seconds + " s");
            assertTrue(seconds >= 0.9, "each request waits 1 s on the server: " + seconds + " s");
        }
    }

    @Test
    void g4_theSuspendedFrame_showsItsResumeIndexAndOnlyLiveLocals() {
        assertEquals(String.join("\n",
                // created: only the argument is saved; i's field is still its default
                "created: CREATED, resumePoint 1, saved {local0$limit=3, local1$i=0, resumePoint=1}",
                "after next() = 1: SUSPENDED, resumePoint 2, saved {local0$limit=3, local1$i=1, resumePoint=2}",
                "after next() = 4: SUSPENDED, resumePoint 2, saved {local0$limit=3, local1$i=2, resumePoint=2}"),
                GeneratorFrameView.run());
    }
}
