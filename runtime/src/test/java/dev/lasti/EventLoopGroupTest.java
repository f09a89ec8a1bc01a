package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link EventLoopGroup} and {@link EventLoop#submit}: loops on their own threads, tasks sent to them. */
class EventLoopGroupTest {
    @Test
    void start_runsEveryLoopOnItsOwnThread_andNextTakesThemInTurn() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(3)) {
            assertEquals(3, group.size());
            Set<String> threads = new HashSet<>();
            for (EventLoop loop : group.loops()) {
                String name = loop.submit(() -> Future.completed(Thread.currentThread().getName())).join();
                assertTrue(name.matches("lasti-\\d+-loop-\\d"), name);
                threads.add(name);
                assertSame(loop, loop.submit(() -> Future.completed(EventLoop.current())).join());
            }
            assertEquals(3, threads.size(), "three threads: " + threads);
            List<EventLoop> turns = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                turns.add(group.next());
            }
            assertEquals(turns.subList(0, 3), turns.subList(3, 6), "round-robin");
            assertEquals(Set.copyOf(group.loops()), Set.copyOf(turns.subList(0, 3)));
        }
    }

    @Test
    void submit_passesOnTheValueAndTheFailureUnwrapped() {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            assertEquals(42, group.submit(() -> Future.completed(42)).join());
            IOException thrown = new IOException("boom");
            assertSame(thrown, assertThrows(IOException.class, () -> group.submit(() -> Future.failed(thrown)).join()));
            IllegalStateException direct = new IllegalStateException("thrown instead of returned");
            assertSame(direct, assertThrows(IllegalStateException.class, () -> group.submit(() -> {
                throw direct;
            }).join()));
            NullPointerException noFuture = assertThrows(NullPointerException.class,
                    () -> group.submit(() -> null).join());
            assertTrue(noFuture.getMessage().contains("returned null"), noFuture.getMessage());
        }
    }

    @Test
    void cancellingASubmittedTask_waitsForItToUnwind() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(1)) {
            AtomicBoolean cleanedUp = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(1);
            Future<Void> task = group.submit(() -> {
                started.countDown();
                EventLoop home = EventLoop.current();
                // a task whose cancellation takes a while: it completes 100 ms after being told
                Promise<Void> slow = new Promise<>() {
                    @Override
                    public boolean cancel() {
                        home.callLater(Duration.ofMillis(100), () -> {
                            cleanedUp.set(true);
                            fail(new CancellationException("unwound"));
                        });
                        return true;
                    }
                };
                return slow;
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(task.cancel());
            assertFalse(task.isDone(), "not done until the task has unwound");
            assertThrows(CancellationException.class, task::join);
            assertTrue(cleanedUp.get(), "the result completed after the task's own cleanup");
        }
    }

    @Test
    void cancelBeforeTheLoopStartsTheTask_neverRunsIt() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(1)) {
            EventLoop loop = group.loops().get(0);
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> awaitQuietly(release)); // hold the loop so the submit waits in its queue
            AtomicBoolean ran = new AtomicBoolean();
            Future<String> task = loop.submit(() -> {
                ran.set(true);
                return Future.completed("ran");
            });
            assertTrue(task.cancel());
            release.countDown();
            assertThrows(CancellationException.class, task::join);
            loop.submit(() -> Future.completed(null)).join(); // a later callback has run: so had the submit
            assertFalse(ran.get(), "a task cancelled before it started never runs");
        }
    }

    @Test
    void aTaskOnOneLoop_awaitingAPromiseCompletedOnAnother_resumesOnItsOwnLoop() {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            Promise<String> fromA = new Promise<>();
            Future<EventLoop> resumedOn = b.submit(() -> {
                Promise<EventLoop> where = new Promise<>();
                fromA.whenDone(f -> b.execute(() -> where.complete(EventLoop.current())));
                return where;
            });
            a.submit(() -> Future.completed(fromA.complete("hello from A"))).join();
            assertSame(b, resumedOn.join());
        }
    }

    @Test
    void run_returnsMainsValue_andClosesTheGroup() {
        List<EventLoopGroup> seen = new ArrayList<>();
        String value = EventLoopGroup.run(2, group -> {
            seen.add(group);
            return group.loops().get(1).submit(() -> Future.completed("on " + Thread.currentThread().getName()));
        });
        assertTrue(value.matches("on lasti-\\d+-loop-1"), value);
        assertTrue(seen.get(0).terminated().isDone(), "run closes the group before it returns");
        assertThrows(RejectedExecutionException.class, () -> seen.get(0).next().execute(() -> {}));
    }

    @Test
    void close_shutsEveryLoopDown_andCancelsWhatStillRuns() throws Exception {
        EventLoopGroup group = EventLoopGroup.start(2);
        List<Future<Void>> sleepers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sleepers.add(group.submit(() -> EventLoop.sleep(Duration.ofHours(1))));
        }
        group.loops().forEach(l -> l.submit(() -> Future.completed(null)).join()); // every sleep has started
        group.close();
        assertTrue(group.awaitTermination(Duration.ZERO));
        for (Future<Void> s : sleepers) {
            assertTrue(s.isCancelled(), "no submitted task is left pending: " + s);
        }
    }

    @Test
    void badArguments_getClearErrors() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> EventLoopGroup.start(0));
        assertTrue(none.getMessage().contains("at least 1"), none.getMessage());
        EventLoop used = EventLoop.create();
        used.runUntilComplete(() -> Future.completed(null));
        IllegalStateException ran = assertThrows(IllegalStateException.class,
                () -> EventLoopGroup.start(2, i -> i == 1 ? used : EventLoop.create()));
        assertTrue(ran.getMessage().contains("could not start"), ran.getMessage());
        EventLoop.run(() -> {
            IllegalStateException nested = assertThrows(IllegalStateException.class,
                    () -> EventLoopGroup.run(1, g -> Future.completed(null)));
            assertTrue(nested.getMessage().contains("runs an event loop"), nested.getMessage());
            return Future.completed(null);
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
