package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Loop-confined futures (see {@link Future}'s "Confinement"): a yield is written by its loop only, other
 * threads hand their registrations and cancellations to the loop, and the last callbacks a closing loop
 * accepted still run.
 */
@Timeout(60)
class ConfinementTest {
    /** Yields the loop produces, one after the other; another thread registers on them meanwhile. */
    private static final int YIELDS = 200_000;

    @Test
    void callbacksRegisteredFromAnotherThread_onYieldsInFlight_eachRunExactlyOnce() throws Exception {
        AtomicReference<Future<Void>> current = new AtomicReference<>();
        AtomicBoolean loopDone = new AtomicBoolean();
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger fired = new AtomicInteger();
        Thread other = new Thread(() -> {
            while (!loopDone.get()) {
                Future<Void> f = current.get();
                if (f != null) {
                    registered.incrementAndGet();
                    f.whenDone(done -> fired.incrementAndGet());
                }
            }
        });
        other.start();
        EventLoop.run(() -> {
            Promise<Void> all = new Promise<>();
            chainYields(YIELDS, registered, current, all);
            return all;
        });
        loopDone.set(true);
        other.join();
        // a registration the loop accepted runs on it, before run() returns, or, refused by the closed loop,
        // on the other thread: either way before the count is read
        assertEquals(registered.get(), fired.get(), "every callback runs once: none lost, none twice");
    }

    /**
     * Each yield's completion, on the loop (confined), starts the next one, {@link #YIELDS} of them and on
     * until the other thread has registered a thousand times, so the two overlap on a loaded machine too.
     */
    private static void chainYields(int left, AtomicInteger registered, AtomicReference<Future<Void>> current,
            Promise<Void> all) {
        if (left <= 0 && registered.get() >= 1_000) {
            all.complete(null);
            return;
        }
        Future<Void> y = EventLoop.yieldNow();
        current.set(y);
        y.whenDone(done -> chainYields(left - 1, registered, current, all));
    }

    @Test
    void aYieldCancelledFromAnotherThread_isCancelledByItsLoop() throws Exception {
        AtomicBoolean pendingAfterTheOtherThreadsCancel = new AtomicBoolean();
        AtomicBoolean cancelQueued = new AtomicBoolean();
        Future<Void> y = EventLoop.run(() -> {
            Promise<Future<Void>> out = new Promise<>();
            EventLoop.current().execute(() -> { // a later iteration: the yield below is still queued
                Future<Void> late = EventLoop.yieldNow();
                Thread t = new Thread(() -> cancelQueued.set(late.cancel()));
                t.start();
                joinQuietly(t); // holds the loop: the cancel is handed over, not carried out
                pendingAfterTheOtherThreadsCancel.set(!late.isDone());
                late.whenDone(done -> out.complete(late));
            });
            return out;
        });
        assertTrue(cancelQueued.get(), "cancel() of a pending yield from another thread reports the request queued");
        assertTrue(pendingAfterTheOtherThreadsCancel.get(), "the other thread must not write the yield itself");
        assertTrue(y.isDone());
        // the yield was queued first, so its loop completes it before it reaches the cancellation
        assertFalse(y.isCancelled(), y.toString());
    }

    @Test
    void aYieldCancelledOnItsLoop_isCancelledAtOnce() {
        boolean[] seen = new boolean[2];
        EventLoop.run(() -> {
            Future<Void> y = EventLoop.yieldNow();
            seen[0] = y.cancel();
            seen[1] = y.isCancelled();
            return Future.completed(null);
        });
        assertTrue(seen[0] && seen[1], "cancelled at once on the loop thread");
    }

    @Test
    void callbacksQueuedDuringTheLastShutdownPass_stillRun_andALateSubmitFails() throws IOException {
        AtomicBoolean ran = new AtomicBoolean();
        AtomicReference<Future<String>> late = new AtomicReference<>();
        Pipe pipe = Pipe.open();
        try {
            pipe.source().configureBlocking(false);
            EventLoop.run(() -> {
                EventLoop loop = EventLoop.current();
                loop.register(pipe.source(), SelectionKey.OP_READ, new EventLoop.IoHandler() {
                    @Override
                    public void ready(SelectionKey key) {}

                    @Override
                    public void loopClosing(SelectionKey key) {
                        // runs in the last pass; what this queues comes after it, once the loop has closed
                        loop.execute(() -> {
                            loop.execute(() -> ran.set(true));
                            late.set(loop.submit(() -> Future.completed("started on a closed loop")));
                        });
                    }
                });
                return Future.completed(null);
            });
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
        assertTrue(ran.get(), "a callback the loop accepted was dropped at its close");
        Future<String> submitted = late.get();
        assertNotNull(submitted, "the last pass ran");
        assertTrue(submitted.isDone(), "a submit the loop accepted but never started was left pending forever");
        CancellationException e = assertThrows(CancellationException.class, submitted::join);
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    }

    @Test
    void joinFromAnotherThread_onAPendingYield_isWokenByTheLoop() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        AtomicReference<Object> joined = new AtomicReference<>();
        EventLoop.run(() -> {
            Future<Void> y = EventLoop.yieldNow();
            Thread t = new Thread(() -> {
                registered.countDown();
                y.join(); // registers from this thread: handed to the loop
                joined.set("woken");
            });
            t.start();
            awaitQuietly(registered);
            Promise<Void> done = new Promise<>();
            y.whenDone(f -> new Thread(() -> {
                joinQuietly(t);
                done.complete(null);
            }).start());
            return done;
        });
        assertEquals("woken", joined.get());
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
