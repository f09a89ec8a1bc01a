package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventLoop#blocking}: the bounded worker pool. */
@Timeout(60)
class BlockingTest {
    @Test
    void runsOffTheLoopThread_andTheResultComesBackOnTheLoopThread() {
        Thread loopThread = Thread.currentThread();
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        Thread worker = EventLoop.run(() -> {
            Future<Thread> f = EventLoop.blocking(Thread::currentThread);
            f.whenDone(done -> completedOn.set(Thread.currentThread()));
            return f;
        });
        assertNotSame(loopThread, worker);
        assertSame(loopThread, completedOn.get());
    }

    @Test
    void thePoolIsBounded_twoThreadsNeverRunMoreThanTwoJobsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> results = EventLoop.builder().blockingThreads(2).build().runUntilComplete(() -> {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int id = i;
                jobs.add(EventLoop.blocking(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(100);
                    running.decrementAndGet();
                    return id;
                }));
            }
            return Future.all(jobs);
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5), results);
        assertTrue(maxRunning.get() <= 2, "ran " + maxRunning.get() + " jobs at once on 2 threads");
    }

    @Test
    void cancellingTheFuture_interruptsTheWorker() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicReference<Future<String>> job = new AtomicReference<>();
        EventLoop.run(() -> {
            job.set(EventLoop.blocking(() -> {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                    return "slept";
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }));
            Promise<Void> done = new Promise<>();
            new Thread(() -> {
                try {
                    started.await();
                    job.get().cancel();
                    interrupted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.complete(null);
            }).start();
            return done;
        });
        assertTrue(interrupted.await(0, TimeUnit.SECONDS));
        assertTrue(job.get().isCancelled());
    }

    @Test
    void exceptionsPropagateUnwrapped_checkedOnesToo() {
        IOException e = assertThrows(IOException.class, () -> EventLoop.run(() -> EventLoop.blocking(() -> {
            throw new IOException("disk on fire");
        })));
        assertEquals("disk on fire", e.getMessage());
    }

    @Test
    void workerThreadsStop_whenTheLoopShutsDown() throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        EventLoop.builder().blockingThreads(2).build().runUntilComplete(() -> {
            List<Future<Thread>> jobs = List.of(EventLoop.blocking(Thread::currentThread),
                    EventLoop.blocking(Thread::currentThread));
            return Future.all(jobs);
        }).forEach(workers::add);
        for (Thread w : workers) {
            w.join(10_000);
            assertFalse(w.isAlive(), w.getName() + " still runs after shutdown");
        }
    }

    @Test
    void blockingOffALoopThread_isRefusedClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventLoop.blocking(() -> 1));
        assertTrue(e.getMessage().contains("no lasti event loop"), e.getMessage());
    }
}
