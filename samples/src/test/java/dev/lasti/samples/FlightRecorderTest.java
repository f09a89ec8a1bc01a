package dev.lasti.samples;

import static dev.lasti.Await.await;
import static dev.lasti.samples.ObservabilityTest.lineOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** lasti's JFR events, recorded and read back with jdk.jfr.consumer. */
class FlightRecorderTest {
    /** After two seconds asleep, blocks its loop for 300 ms: the blocked report names it and the line. */
    @Async
    static Future<Void> spinsAfterAnAwait(Promise<Integer> release) {
        await(EventLoop.sleep(Duration.ofMillis(2000)));
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) { Thread.onSpinWait(); } // @line spin
        release.complete(1);
        return Future.completed(null);
    }

    @Test
    void aLongIteration_andALongSuspendedTask_areRecorded_withMethodAndLine() throws Exception {
        System.setProperty("lasti.jfr.suspendedThresholdMillis", "200");
        Path file = Files.createTempFile("lasti", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("dev.lasti.LoopBlocked");
            // 2 s of waiting: the first loop of a JVM hooks the periodic event off its thread, which may lag
            r.enable("dev.lasti.TaskSuspended").withPeriod(Duration.ofMillis(100));
            r.start();
            EventLoop.builder().blockedThreshold(Duration.ofMillis(50)).build().runUntilComplete(() -> {
                Promise<Integer> p = new Promise<>();
                Future<Integer> waiting = Observe.waiter(p);
                return Future.all(List.of(waiting, spinsAfterAnAwait(p)));
            });
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        String waiterAt = "Observe.waiter (Observe.java:" + lineOf("Observe", "waiter") + ")";
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("dev.lasti.TaskSuspended")
                && e.getString("task").equals(waiterAt) && e.getString("waitingFor").equals("waits for a promise")
                && e.getLong("suspendedMillis") >= 200), events::toString);
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("dev.lasti.LoopBlocked")
                && e.getString("running").equals("running task FlightRecorderTest.spinsAfterAnAwait (FlightRecorderTest.java:"
                        + lineOf("FlightRecorderTest", "spin") + ")")
                && e.getLong("busyMillis") >= 50), events::toString);
    }
}
