package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventLoop#execute} from other threads, while the loop runs. */
@Timeout(120)
class ExecuteTest {
    @Test
    void callbacksFromManyThreads_allRunOnceOnTheLoopThread() {
        int threads = 4;
        int perThread = 25_000;
        int total = threads * perThread;
        BitSet seen = new BitSet(total); // loop thread only
        int[] duplicates = {0};
        int[] wrongThread = {0};
        EventLoop loop = EventLoop.create();
        Thread loopThread = Thread.currentThread();
        loop.runUntilComplete(() -> {
            Promise<Void> all = new Promise<>();
            int[] count = {0};
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int id = base + i;
                        loop.execute(() -> {
                            if (Thread.currentThread() != loopThread) {
                                wrongThread[0]++;
                            }
                            if (seen.get(id)) {
                                duplicates[0]++;
                            }
                            seen.set(id);
                            if (++count[0] == total) {
                                all.complete(null);
                            }
                        });
                    }
                }, "submitter-" + t).start();
            }
            return all;
        });
        assertEquals(total, seen.cardinality());
        assertEquals(0, duplicates[0]);
        assertEquals(0, wrongThread[0]);
    }

    @Test
    void runOnLoop_runsAtOnceOnTheLoop_queuesFromAnotherThread_andSaysFalseOnceTheLoopHasShutDown()
            throws InterruptedException {
        EventLoop loop = EventLoop.create();
        Thread loopThread = Thread.currentThread();
        java.util.List<String> order = new java.util.ArrayList<>(); // loop thread only
        AtomicReference<Boolean> fromOtherThread = new AtomicReference<>();
        AtomicReference<Thread> otherThread = new AtomicReference<>();
        loop.runUntilComplete(() -> {
            Promise<Void> done = new Promise<>();
            assertTrue(loop.runOnLoop(() -> order.add("inline")));
            order.add("after the call");
            Thread other = new Thread(() -> fromOtherThread.set(loop.runOnLoop(() -> {
                order.add(Thread.currentThread() == loopThread ? "queued, on the loop" : "on the wrong thread");
                done.complete(null);
            })));
            otherThread.set(other);
            other.start();
            return done;
        });
        otherThread.get().join(); // its callback may run on the loop before runOnLoop has returned there
        assertEquals(java.util.List.of("inline", "after the call", "queued, on the loop"), order);
        assertEquals(Boolean.TRUE, fromOtherThread.get());
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        AtomicReference<Boolean> lateAnswer = new AtomicReference<>();
        Thread late = new Thread(() -> lateAnswer.set(loop.runOnLoop(() -> ran.set(true))));
        late.start();
        late.join();
        assertEquals(Boolean.FALSE, lateAnswer.get(), "another thread, after shutdown");
        assertFalse(loop.runOnLoop(() -> ran.set(true)), "the loop's own thread, after shutdown");
        assertFalse(ran.get(), "a callback the shut-down loop refused ran anyway");
    }

    @Test
    void submittingToABusyLoop_neverPaysForASelectorWakeup() {
        int submissions = 10_000;
        EventLoop loop = EventLoop.create();
        AtomicInteger received = new AtomicInteger();
        loop.runUntilComplete(() -> {
            Promise<Void> done = new Promise<>();
            Runnable busy = new Runnable() { // keeps the loop from ever blocking in select
                @Override
                public void run() {
                    if (received.get() < submissions) {
                        loop.execute(this);
                    } else {
                        done.complete(null);
                    }
                }
            };
            loop.execute(busy);
            new Thread(() -> {
                for (int i = 0; i < submissions; i++) {
                    loop.execute(received::incrementAndGet);
                }
            }, "submitter").start();
            return done;
        });
        assertEquals(submissions, received.get());
        assertEquals(0, loop.wakeupCount(), "a loop that never blocks needs no wake-up");
    }

    @Test
    void submittingToAnIdleLoop_wakesItUp() {
        EventLoop loop = EventLoop.create();
        String value = loop.runUntilComplete(() -> {
            Promise<String> p = new Promise<>();
            // no timer, no work: the loop blocks in select until the other thread wakes it
            new Thread(() -> {
                sleepQuietly(50);
                loop.execute(() -> p.complete("woken"));
            }).start();
            return p;
        });
        assertEquals("woken", value);
        assertTrue(loop.wakeupCount() >= 1);
    }

    @Test
    void executeAfterShutdown_isRefused_onAnyThread() throws InterruptedException {
        EventLoop loop = EventLoop.create();
        loop.runUntilComplete(() -> Future.completed(null));
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        AtomicReference<Throwable> offLoop = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                loop.execute(() -> { });
            } catch (Throwable e) {
                offLoop.set(e);
            }
        });
        t.start();
        t.join();
        assertTrue(offLoop.get() instanceof RejectedExecutionException);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
