package dev.lasti.samples;

import static dev.lasti.samples.ObservabilityTest.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TaskInfo;
import dev.lasti.TaskSnapshot;
import dev.lasti.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The live task tree: tasks suspended at known lines, awaiting each other, read as data and printed. */
class TaskTreeTest {
    private static final String OBSERVE = "dev.lasti.samples.Observe";

    private static TaskInfo only(TaskSnapshot s, String method) {
        List<TaskInfo> found = s.tasks().stream().filter(t -> t.method().equals(method)).toList();
        assertEquals(1, found.size(), s.format());
        return found.get(0);
    }

    @Test
    void snapshot_namesEachTaskAtItsAwait_whatItWaitsFor_andWhoAwaitsIt() {
        TaskSnapshot s = EventLoop.run(Observe::snapshotOfASupervisor);
        assertTrue(s.answered());
        assertEquals(3, s.tasks().size(), s.format());
        TaskInfo sup = only(s, "supervisor");
        TaskInfo napper = only(s, "napper");
        TaskInfo waiter = only(s, "waiter");
        assertEquals(OBSERVE, sup.owner());
        assertEquals("Observe.java", sup.file());
        assertEquals(lineOf("Observe", "supervisor"), sup.line());
        assertEquals(lineOf("Observe", "napper"), napper.line());
        assertEquals(lineOf("Observe", "waiter"), waiter.line());
        assertEquals(new Waiting.Combined("all"), sup.waitingFor());
        assertEquals(new Waiting.Promise("promise"), waiter.waitingFor());
        Duration left = ((Waiting.Sleep) napper.waitingFor()).left();
        assertTrue(left.compareTo(Duration.ofSeconds(4)) > 0 && left.compareTo(Duration.ofSeconds(5)) <= 0, left::toString);
        assertEquals(List.of(), sup.awaitedBy());
        assertEquals(List.of(sup.id()), napper.awaitedBy(), "through Future.all");
        assertEquals(List.of(sup.id()), waiter.awaitedBy());
    }

    @Test
    void format_printsEachTaskUnderTheTaskThatAwaitsIt() {
        String tree = EventLoop.run(Observe::snapshotOfASupervisor).format();
        String[] lines = tree.split("\n");
        assertEquals(4, lines.length, tree);
        assertTrue(lines[1].matches("└── #\\d Observe\\.supervisor \\(Observe\\.java:" + lineOf("Observe", "supervisor")
                + "\\)  waits for Future\\.all"), tree);
        assertTrue(lines[2].matches("    ├── #\\d Observe\\.(waiter|napper) .*"), tree);
        assertTrue(lines[3].matches("    └── #\\d Observe\\.(waiter|napper) .*"), tree);
        assertTrue(tree.contains("Observe.waiter (Observe.java:" + lineOf("Observe", "waiter") + ")  waits for a promise"), tree);
        assertTrue(tree.contains("waits for a sleep, "), tree);
    }

    @Test
    void fromAnotherThread_theSnapshotIsHandedOverThroughTheLoop() throws Exception {
        EventLoop loop = EventLoop.create();
        Promise<Integer> never = new Promise<>();
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread t = new Thread(() -> result.complete(loop.runUntilComplete(() -> Observe.waiter(never))), "tree-loop");
        t.start();
        TaskSnapshot s;
        do {
            s = loop.taskSnapshot(Duration.ofSeconds(5));
        } while (s.answered() && s.tasks().isEmpty());
        assertEquals("tree-loop", s.loop());
        assertEquals(List.of("waiter:" + lineOf("Observe", "waiter")),
                s.tasks().stream().map(i -> i.method() + ":" + i.line()).toList());
        loop.execute(() -> never.complete(7));
        assertEquals(7, result.get());
        t.join();
    }

    @Test
    void aBlockedLoop_getsASnapshotThatSaysSo_withinTheTimeout() throws Exception {
        EventLoop loop = EventLoop.builder().blockedThreshold(Duration.ZERO).build();
        CompletableFuture<Void> inside = new CompletableFuture<>();
        AtomicReference<TaskSnapshot> seen = new AtomicReference<>();
        Thread t = new Thread(() -> loop.runUntilComplete(() -> {
            inside.complete(null);
            sleepQuietly(800); // blocks the loop before its first await
            return Future.completed(null);
        }), "blocked-loop");
        t.start();
        inside.get();
        long start = System.nanoTime();
        seen.set(loop.taskSnapshot(Duration.ofMillis(100)));
        long took = (System.nanoTime() - start) / 1_000_000;
        TaskSnapshot s = seen.get();
        assertFalse(s.answered());
        assertTrue(s.note().contains("did not answer within 100 ms"), s.note());
        assertTrue(s.format().contains("blocked"), s.format());
        assertTrue(took < 700, "returned after " + took + " ms");
        t.join();
    }

    @Test
    void aTaskWaitingForeverOnAPromise_isNamedWithItsLine_whenTheLoopEnds() {
        List<String> messages = lastiLogDuring(() -> EventLoop.run(() -> {
            Observe.waiter(new Promise<>()); // nobody completes it, nobody awaits the task
            return Future.completed(null);
        }));
        List<String> ended = messages.stream().filter(m -> m.contains("never finished")).toList();
        assertEquals(1, ended.size(), messages::toString);
        assertTrue(ended.get(0).contains("Observe.waiter (Observe.java), suspended at Observe.java:"
                + lineOf("Observe", "waiter")), ended.get(0));
    }

    @Test
    void aThousandTasksAtOneAwait_areOneLineOfTheEndReport_notAThousand() {
        List<String> messages = lastiLogDuring(() -> EventLoop.run(() -> {
            Promise<Integer> never = new Promise<>();
            for (int i = 0; i < 1_000; i++) {
                Observe.waiter(never);
            }
            return Future.completed(null);
        }));
        String ended = messages.stream().filter(m -> m.contains("never finished")).findFirst().orElseThrow();
        assertEquals(2, ended.split("\n").length, ended);
        assertTrue(ended.contains("1000 x Task[dev.lasti.samples.Observe.waiter"), ended);
    }

    /** The messages logged on {@code dev.lasti} while {@code action} runs. */
    private static List<String> lastiLogDuring(Runnable action) {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.lasti");
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
