package dev.lasti.samples.groups;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Transformed {@code @Async} tasks on an {@link EventLoopGroup}: each resumes on its own loop, always. */
class LoopGroupTasksTest {
    /** Awaits {@code from} three times over, recording the loop of every resume. */
    @Async
    static Future<String> awaitThrice(List<Future<String>> from, List<EventLoop> resumedOn) {
        StringBuilder got = new StringBuilder();
        for (Future<String> f : from) {
            got.append(await(f));
            resumedOn.add(EventLoop.current());
        }
        return Future.completed(got.toString());
    }

    @Test
    void aTaskOfLoopB_awaitingPromisesCompletedOnLoopA_andOnAPlainThread_resumesOnB() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            List<Future<String>> promises = List.of(new Promise<>(), new Promise<>(), new Promise<>());
            List<EventLoop> resumedOn = new ArrayList<>(); // written on B only, read after the join
            Future<String> task = b.submit(() -> awaitThrice(promises, resumedOn));
            a.submit(() -> Future.completed(((Promise<String>) promises.get(0)).complete("A"))).join();
            Thread plain = new Thread(() -> ((Promise<String>) promises.get(1)).complete("T"));
            plain.start();
            plain.join();
            CompletableFuture.runAsync(() -> ((Promise<String>) promises.get(2)).complete("C")).get();
            assertEquals("ATC", task.join());
            assertEquals(List.of(b, b, b), resumedOn, "every resume ran on the task's own loop");
        }
    }

    @Async
    static Future<Integer> pingPong(EventLoop other, int rounds, AtomicInteger wrongLoop) {
        EventLoop home = EventLoop.current();
        int sum = 0;
        for (int i = 0; i < rounds; i++) {
            int n = i;
            sum += await(other.submit(() -> Future.completed(n))); // completed on the other loop
            if (EventLoop.current() != home) {
                wrongLoop.incrementAndGet();
            }
        }
        return Future.completed(sum);
    }

    @Test
    void manyTasksOnEveryLoop_handingWorkBackAndForth_loseNoWakeUp() {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            AtomicInteger wrongLoop = new AtomicInteger();
            List<Future<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                EventLoop home = group.next();
                EventLoop other = group.loops().get(1 - group.loops().indexOf(home));
                tasks.add(home.submit(() -> pingPong(other, 100, wrongLoop)));
            }
            for (Future<Integer> f : tasks) {
                assertEquals(4950, f.join(), "every round came back");
            }
            assertEquals(0, wrongLoop.get());
        }
    }

    @Async
    static Future<Void> sleepThenClean(ConcurrentLinkedQueue<String> log, String name) {
        try {
            await(EventLoop.sleep(Duration.ofHours(1)));
        } finally {
            await(EventLoop.sleep(Duration.ofMillis(20))); // cleanup that itself awaits
            log.add(name + " cleaned up on " + Thread.currentThread().getName());
        }
        return Future.completed(null);
    }

    @Test
    void closingTheGroup_cancelsEveryLoopsTasks_andWaitsForTheirFinallyBlocks() {
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        List<Future<Void>> tasks = new ArrayList<>();
        EventLoopGroup group = EventLoopGroup.start(2);
        for (int i = 0; i < 6; i++) {
            String name = "task" + i;
            tasks.add(group.submit(() -> sleepThenClean(log, name)));
        }
        group.loops().forEach(l -> l.submit(() -> Future.completed(null)).join()); // all six have started
        group.close();
        assertEquals(6, log.size(), "every finally block ran: " + log);
        assertTrue(log.stream().allMatch(line -> line.matches("task\\d cleaned up on lasti-\\d+-loop-[01]")), log.toString());
        for (Future<Void> t : tasks) {
            assertTrue(t.isCancelled(), "cancelled, and done: " + t);
            assertSame(CancellationException.class, t.cause().getClass());
        }
    }
}
