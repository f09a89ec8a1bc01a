package dev.lasti.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.VirtualTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two hooks lasti-junit's checks read: suspended tasks, and failures nobody retrieved. */
class TestSupportHooksTest {
    private static EventLoop tracking() {
        return EventLoop.builder().timeSource(new VirtualTime()).trackFailures(true).build();
    }

    @Test
    void suspendedTaskCountCountsTasksFromTheirFirstSuspensionUntilTheyComplete() {
        Promise<Integer> gate = new Promise<>();
        List<Integer> counts = tracking().runUntilComplete(() -> {
            EventLoop loop = EventLoop.current();
            int before = loop.suspendedTaskCount();
            Future<Integer> link = Chain.link(gate); // suspends on the gate
            int suspended = loop.suspendedTaskCount();
            gate.complete(1);
            return countsWhenDone(link, before, suspended);
        });
        assertEquals(List.of(0, 1, 0), counts);
    }

    /** The counts before, while suspended, and as the task's future completes. */
    private static Future<List<Integer>> countsWhenDone(Future<Integer> link, int before, int suspended) {
        Promise<List<Integer>> p = new Promise<>();
        EventLoop loop = EventLoop.current();
        link.whenDone(done -> p.complete(List.of(before, suspended, loop.suspendedTaskCount())));
        return p;
    }

    @Test
    void unretrievedFailuresListsWhatNobodyAskedFor() {
        IllegalStateException lost = new IllegalStateException("lost");
        List<Throwable> seen = tracking().runUntilComplete(() -> {
            Future.failed(lost);
            Future<Void> retrieved = Future.failed(new IllegalStateException("retrieved"));
            retrieved.cause();
            new Promise<Void>().cancel(); // cancellations never count
            return Future.completed(EventLoop.current().unretrievedFailures());
        });
        assertEquals(List.of(lost), seen);
    }

    @Test
    void withoutTrackingTheListIsEmpty() {
        List<Throwable> seen = EventLoop.builder().build().runUntilComplete(() -> {
            Future.failed(new IllegalStateException("lost"));
            return Future.completed(EventLoop.current().unretrievedFailures());
        });
        assertEquals(List.of(), seen);
    }

    @Test
    void theHooksAreForTheLoopThreadOnly() {
        EventLoop loop = tracking();
        assertThrows(IllegalStateException.class, loop::suspendedTaskCount);
        assertThrows(IllegalStateException.class, loop::unretrievedFailures);
    }
}
