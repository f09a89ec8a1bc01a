package dev.lasti.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.VirtualTime;
import dev.lasti.testing.LogCapture;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime side of the frame contract, driven by classes written by hand exactly as the transformer
 * will emit them. Each fixture shows, as its class comment, what the user writes; each test here says
 * how it should behave; the fixture's code is how it should be transformed.
 */
@Timeout(120)
class HowItShouldBeTransformedTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private static <T> T runVirtual(VirtualTime time, Supplier<Future<T>> main) {
        return EventLoop.builder().timeSource(time).build().runUntilComplete(main);
    }

    @Test
    void awaitOnDoneFuture_takesFastPath_noFrameNoLoop() {
        int before = Chain.link$Frame.constructed;
        // No loop runs on this thread: had the call touched the loop, EventLoop.current() would throw.
        Future<Integer> result = Chain.link(Future.completed(41));
        assertTrue(result.isDone());
        assertEquals(42, result.resultNow());
        assertEquals(before, Chain.link$Frame.constructed, "a done future must not allocate a frame");
    }

    @Test
    void awaitOnPendingFuture_suspendsWithOneFrame_andResumesWithTheValue() {
        int before = Chain.link$Frame.constructed;
        int value = runVirtual(new VirtualTime(), () -> {
            Promise<Integer> p = new Promise<>();
            Future<Integer> task = Chain.link(p);
            assertFalse(task.isDone(), "eager start runs up to the first await that has to wait");
            EventLoop.current().callLater(ONE_SECOND, () -> p.complete(41));
            return task;
        });
        assertEquals(42, value);
        assertEquals(before + 1, Chain.link$Frame.constructed);
    }

    @Test
    void loopWithAwait_reusesOneFrameForEverySuspension() {
        int before = SlowSum.sumSlowly$Frame.constructed;
        VirtualTime time = new VirtualTime();
        SlowSum s = new SlowSum();
        int sum = runVirtual(time, () -> s.sumSlowly(5));
        assertEquals(15, sum);
        assertEquals(before + 1, SlowSum.sumSlowly$Frame.constructed);
        assertEquals(List.of("step 1", "step 2", "step 3", "step 4", "step 5", "finally"), s.log);
        assertEquals(Duration.ofSeconds(5), time.elapsed());
    }

    /** Runs {@code body} on a thread with a small stack, so that recursion per task would overflow. */
    private static <T> T onSmallStack(Supplier<T> body) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                outcome.set(body.get());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(120_000);
        assertFalse(t.isAlive(), "the chain did not complete");
        if (outcome.get() instanceof Throwable e) {
            throw new AssertionError("the chain failed", e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) outcome.get();
        return value;
    }

    @Test
    void oneThousandTasksSleepingOneSecond_finishInOneVirtualSecond() {
        VirtualTime time = new VirtualTime();
        int before = SlowSum.sumSlowly$Frame.constructed;
        long start = System.nanoTime();
        List<Integer> sums = runVirtual(time, () -> {
            List<Future<Integer>> tasks = new java.util.ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                tasks.add(new SlowSum().sumSlowly(1));
            }
            return Future.all(tasks);
        });
        Duration real = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(1_000, sums.size());
        assertTrue(sums.stream().allMatch(v -> v == 1));
        assertEquals(before + 1_000, SlowSum.sumSlowly$Frame.constructed);
        assertEquals(Duration.ofSeconds(1), time.elapsed());
        assertTrue(real.compareTo(Duration.ofSeconds(1)) < 0, "the loop waited in real time: " + real);
    }

    @Test
    void yieldNow_cancellingTheYield_deliversCancellationToTheParkedTask() {
        Future<Integer> task = runVirtual(new VirtualTime(), () -> {
            Future<Void> yield = EventLoop.yieldNow();
            Future<Integer> t = Relay.relay(yield, Future.completed(1)); // parks on the yield, no waiter entry
            assertTrue(yield.cancel());
            Promise<Future<Integer>> done = new Promise<>();
            t.whenDone(f -> done.complete(t));
            return done;
        });
        assertTrue(task.isCancelled(), task.toString());
        assertThrows(CancellationException.class, task::join);
    }

    @Test
    void yieldNow_otherObserversOfTheSameYield_seeItCompleteToo() {
        List<String> order = new java.util.ArrayList<>();
        runVirtual(new VirtualTime(), () -> {
            Future<Void> yield = EventLoop.yieldNow();
            Future<Integer> task = Relay.relay(yield, Future.completed(1));
            yield.whenDone(f -> order.add("observer"));
            Future<Integer> second = Relay.relay(yield, Future.completed(2)); // a second task, same yield
            task.whenDone(f -> order.add("task"));
            second.whenDone(f -> order.add("second task"));
            return Future.all(List.of(task, second));
        });
        assertEquals(List.of("observer", "second task", "task"), order);
    }

    @Test
    void yieldNow_fromAnotherLoop_wakesTheTaskThroughItsOwnLoop() throws Exception {
        CompletableFuture<Future<Void>> otherYield = new CompletableFuture<>();
        Promise<Void> release = new Promise<>();
        Thread other = new Thread(() -> EventLoop.run(() -> {
            // Hand out a yield of this loop, then keep the loop alive until the test is done with it.
            otherYield.complete(EventLoop.yieldNow());
            return release;
        }));
        other.start();
        Future<Void> foreign = otherYield.get();
        int value = EventLoop.run(() -> Relay.relay(foreign, Future.completed(7)));
        assertEquals(7, value);
        release.complete(null);
        other.join(10_000);
        assertFalse(other.isAlive());
    }

    @Test
    void yieldNow_resumesTheTaskInQueueOrder_likeAsyncioSleep0() {
        List<String> order = new java.util.ArrayList<>();
        runVirtual(new VirtualTime(), () -> {
            EventLoop.current().execute(() -> order.add("queued before the yield"));
            Future<Integer> task = Relay.relay(EventLoop.yieldNow(), Future.completed(1));
            assertFalse(task.isDone(), "yieldNow suspends");
            task.whenDone(f -> order.add("task resumed"));
            EventLoop.current().execute(() -> order.add("queued after the yield"));
            return task;
        });
        assertEquals(List.of("queued before the yield", "task resumed", "queued after the yield"), order);
    }

    @Test
    void resumptionIsALoop_chainOf100000AwaitingTasksDoesNotOverflow() throws InterruptedException {
        int n = 100_000;
        int result = onSmallStack(() -> runVirtual(new VirtualTime(), () -> {
            Promise<Integer> root = new Promise<>();
            Future<Integer> last = root;
            for (int i = 0; i < n; i++) {
                last = Chain.link(last); // each task awaits the previous one
            }
            EventLoop.current().callLater(ONE_SECOND, () -> root.complete(0));
            return last;
        }));
        assertEquals(n, result);
    }

    @Test
    void returningAPendingFuture_chainOf100000TasksDoesNotOverflow() throws InterruptedException {
        int n = 100_000;
        int result = onSmallStack(() -> runVirtual(new VirtualTime(), () -> {
            Promise<Void> gate = new Promise<>();
            Promise<Integer> root = new Promise<>();
            Future<Integer> last = root;
            for (int i = 0; i < n; i++) {
                last = Relay.relay(gate, last); // each task returns the previous one, not awaited
            }
            EventLoop loop = EventLoop.current();
            loop.execute(() -> gate.complete(null));
            loop.callLater(ONE_SECOND, () -> root.complete(7));
            return last;
        }));
        assertEquals(7, result);
    }

    @Test
    void futureCompletedOnAnotherThread_resumesTaskOnItsLoopThread() {
        Thread loopThread = Thread.currentThread();
        AtomicReference<Thread> completer = new AtomicReference<>();
        Thread resumedOn = EventLoop.run(() -> {
            CompletableFuture<String> stage = new CompletableFuture<>();
            Future<Thread> task = Where.threadAfter(stage);
            assertFalse(task.isDone());
            Thread other = new Thread(() -> {
                completer.set(Thread.currentThread());
                stage.complete("done elsewhere");
            }, "completer");
            other.start();
            return task;
        });
        assertNotNull(completer.get());
        assertNotSame(loopThread, completer.get());
        assertSame(loopThread, resumedOn);
    }

    @Test
    void promiseCompletedOnAnotherThread_taskCompletesOnItsLoopThread() {
        Thread loopThread = Thread.currentThread();
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        int value = EventLoop.run(() -> {
            Promise<Integer> p = new Promise<>();
            Future<Integer> task = Chain.link(p);
            task.whenDone(f -> completedOn.set(Thread.currentThread()));
            new Thread(() -> p.complete(1), "completer").start();
            return task;
        });
        assertEquals(2, value);
        assertSame(loopThread, completedOn.get());
    }

    @Test
    void cancellingASuspendedTask_throwsAtItsAwait_runsFinally_andCancelsTheAwaitedSleep() {
        VirtualTime time = new VirtualTime();
        SlowSum s = new SlowSum();
        AtomicReference<Future<Integer>> task = new AtomicReference<>();
        AtomicReference<Future<Void>> sleepAtCancel = new AtomicReference<>();
        runVirtual(time, () -> {
            task.set(s.sumSlowly(5));
            Promise<Void> done = new Promise<>();
            task.get().whenDone(f -> done.complete(null));
            EventLoop.current().callLater(Duration.ofMillis(2500), () -> {
                sleepAtCancel.set(s.current);
                assertTrue(task.get().cancel());
            });
            return done;
        });
        assertTrue(task.get().isCancelled());
        assertThrows(CancellationException.class, () -> task.get().join());
        assertEquals(List.of("step 1", "step 2", "finally"), s.log);
        assertTrue(sleepAtCancel.get().isCancelled(), "the awaited sleep is cancelled too");
        assertEquals(Duration.ofMillis(2500), time.elapsed(), "the cancelled sleep's timer no longer counts");
    }

    @Test
    void cancellingATaskFromAnotherThread_isDeliveredOnTheLoop() {
        SlowSum s = new SlowSum();
        AtomicReference<Future<Integer>> task = new AtomicReference<>();
        AtomicReference<Thread> finallyOn = new AtomicReference<>();
        EventLoop.run(() -> {
            task.set(s.sumSlowly(1_000_000)); // real time: it would take 11 days
            Promise<Void> done = new Promise<>();
            task.get().whenDone(f -> {
                finallyOn.set(Thread.currentThread());
                done.complete(null);
            });
            new Thread(() -> task.get().cancel(), "canceller").start();
            return done;
        });
        assertTrue(task.get().isCancelled());
        assertEquals(List.of("finally"), s.log);
        assertNotNull(finallyOn.get());
    }

    @Test
    void cancellingAnOuterTask_cancelsTheTaskItAwaits() {
        SlowSum s = new SlowSum();
        AtomicReference<Future<Integer>> inner = new AtomicReference<>();
        AtomicReference<Future<Integer>> outer = new AtomicReference<>();
        runVirtual(new VirtualTime(), () -> {
            inner.set(s.sumSlowly(10));
            outer.set(Chain.link(inner.get()));
            EventLoop.current().callLater(Duration.ofMillis(1500), () -> outer.get().cancel());
            Promise<Void> both = new Promise<>();
            inner.get().whenDone(i -> outer.get().whenDone(o -> both.complete(null)));
            return both;
        });
        assertTrue(outer.get().isCancelled());
        assertTrue(inner.get().isCancelled());
        assertEquals(List.of("step 1", "finally"), s.log);
    }

    @Test
    void shutdown_cancelsStillSuspendedTasks_soTheirFinallyBlocksRun() {
        SlowSum s = new SlowSum();
        AtomicReference<Future<Integer>> task = new AtomicReference<>();
        String value = EventLoop.run(() -> {
            task.set(s.sumSlowly(3));
            return Future.completed("main is done first");
        });
        assertEquals("main is done first", value);
        assertTrue(task.get().isCancelled());
        assertEquals(List.of("finally"), s.log);
    }

    @Test
    void awaitInFinally_normalExit_runsTheWholeCleanup() {
        VirtualTime time = new VirtualTime();
        List<String> log = new java.util.ArrayList<>();
        String value = runVirtual(time, () -> {
            Promise<Void> work = new Promise<>();
            EventLoop.current().callLater(ONE_SECOND, () -> work.complete(null));
            return Cleanup.withCleanup(work, log);
        });
        assertEquals("done", value);
        assertEquals(List.of("cleanup started", "cleanup finished"), log);
        assertEquals(Duration.ofHours(1).plusSeconds(1), time.elapsed());
    }

    @Test
    void awaitInFinally_afterCancellation_suspendsAgain_thenRethrowsTheCancellation() {
        List<String> log = new java.util.ArrayList<>();
        AtomicReference<Future<String>> task = new AtomicReference<>();
        runVirtual(new VirtualTime(), () -> {
            task.set(Cleanup.withCleanup(new Promise<>(), log));
            EventLoop.current().callLater(ONE_SECOND, () -> task.get().cancel());
            Promise<Void> done = new Promise<>();
            task.get().whenDone(f -> done.complete(null));
            return done;
        });
        assertTrue(task.get().isCancelled());
        assertEquals(List.of("cleanup started", "cleanup finished"), log);
    }

    @Test
    void shutdown_dropsATaskThatKeepsWaitingInItsFinally_andCompletesItAsCancelled() {
        List<String> log = new java.util.ArrayList<>();
        AtomicReference<Future<String>> task = new AtomicReference<>();
        try (LogCapture capture = LogCapture.start()) {
            EventLoop.builder().shutdownTimeout(Duration.ofMillis(200)).build().runUntilComplete(() -> {
                task.set(Cleanup.withCleanup(new Promise<>(), log));
                return Future.completed(null);
            });
            assertEquals(1, capture.matching(r -> r.getMessage().contains("had not finished unwinding when the"
                    + " loop's shutdown time was up")).size());
        }
        assertEquals(List.of("cleanup started"), log, "its finally began but waits for an hour, past the 200 ms");
        assertTrue(task.get().isCancelled(), "dropped, but its waiters learn it will never finish");
        assertFalse(task.get().cancel());
    }

    @Test
    void suspendedTask_staysReachableThroughItsLoop_whileNothingElseHoldsIt() {
        // The task awaits a promise that only the task itself references (the promise's waiter list
        // references the task, the task's frame references the promise: a cycle). If the loop did not
        // hold suspended tasks, the collector could take both, and the task would never finish.
        AtomicReference<String> outcome = new AtomicReference<>("never resumed");
        runVirtual(new VirtualTime(), () -> {
            Promise<Void> done = new Promise<>();
            WeakReference<Promise<Integer>> awaited = startUnreferencedTask(outcome, done);
            EventLoop.current().callLater(ONE_SECOND, () -> {
                try {
                    LogCapture.forceGc();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                Promise<Integer> p = awaited.get();
                if (p == null) {
                    outcome.set("collected while suspended");
                    done.complete(null);
                } else {
                    p.complete(1);
                }
            });
            return done;
        });
        assertEquals("resumed: 2", outcome.get());
    }

    /** Separate method, so no local of the caller keeps the task or its promise alive. */
    private static WeakReference<Promise<Integer>> startUnreferencedTask(
            AtomicReference<String> outcome, Promise<Void> done) {
        Promise<Integer> p = new Promise<>();
        Future<Integer> task = Chain.link(p);
        // the task references this callback, not the other way round
        task.whenDone(f -> {
            outcome.set("resumed: " + f.resultNow());
            done.complete(null);
        });
        return new WeakReference<>(p);
    }

    @Test
    void taskFailure_thatNobodyRetrieves_isReported_whenTheTaskBecomesUnreachable() throws Exception {
        String message = "task failure nobody looked at " + System.nanoTime();
        try (LogCapture log = LogCapture.start()) {
            runVirtual(new VirtualTime(), () -> {
                Promise<Void> gate = new Promise<>();
                Failing.failAfter(gate, message); // the task's future is dropped at once
                EventLoop.current().callLater(ONE_SECOND, () -> gate.complete(null));
                return EventLoop.sleep(Duration.ofSeconds(2));
            });
            assertTrue(log.awaitRecord(LogCapture.thrownWithMessage(message), Duration.ofSeconds(30)),
                    "an unretrieved task failure must be logged");
        }
    }

    @Test
    void taskFailure_isThrownUnwrappedByRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runVirtual(new VirtualTime(),
                () -> {
                    Promise<Void> gate = new Promise<>();
                    EventLoop.current().callLater(ONE_SECOND, () -> gate.complete(null));
                    return Failing.failAfter(gate, "boom");
                }));
        assertEquals("boom", e.getMessage());
        assertNull(e.getCause());
    }
}
