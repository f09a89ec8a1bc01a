package dev.lasti.samples.structured;

import static dev.lasti.Await.await;
import static dev.lasti.samples.Outcomes.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.junit.AsyncTest;
import dev.lasti.sync.AsyncQueue;
import dev.lasti.sync.Condition;
import dev.lasti.sync.Event;
import dev.lasti.sync.Lock;
import dev.lasti.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The coordination primitives, at every cancellation point: cancelled while waiting (served to nobody),
 * and cancelled just after being served (keeps what it got; the cancellation comes at its next await).
 */
class SyncTest {
    private final List<String> log = new ArrayList<>();

    @Async
    Future<String> holdLock(Lock lock, String name, long ms) {
        await(lock.acquire());
        try {
            log.add(name + " holds");
            await(EventLoop.sleep(Duration.ofMillis(ms)));
            return Future.completed(name);
        } finally {
            lock.release();
        }
    }

    @AsyncTest
    @Async
    Future<Void> lock_servesInArrivalOrder_oneHolderAtATime() {
        Lock lock = new Lock();
        await(Future.all(List.of(holdLock(lock, "a", 100), holdLock(lock, "b", 100), holdLock(lock, "c", 100))));
        assertEquals(List.of("a holds", "b holds", "c holds"), log);
        assertEquals(Duration.ofMillis(300), Duration.ofNanos(EventLoop.current().nanoTime()));
        assertFalse(lock.isLocked());
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> lock_aWaiterCancelledWhileWaiting_neverHoldsIt_andTheNextOneDoes() {
        Lock lock = new Lock();
        assertTrue(lock.tryAcquire());
        Future<String> b = holdLock(lock, "b", 10);
        Future<String> c = holdLock(lock, "c", 10);
        b.cancel();
        assertInstanceOf(CancellationException.class, await(failureOf(b)));
        lock.release();
        assertEquals("c", await(c));
        assertEquals(List.of("c holds"), log);
        assertFalse(lock.isLocked(), "c released it; b never had it");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> lock_aWaiterCancelledJustAfterItWasServed_holdsItAndReleasesIt() {
        Lock lock = new Lock();
        assertTrue(lock.tryAcquire());
        Future<String> b = holdLock(lock, "b", 1_000);
        Future<String> c = holdLock(lock, "c", 10);
        await(EventLoop.yieldNow());
        b.cancel();     // queued first: when it runs, b's acquire is already done ...
        lock.release(); // ... because this serves b now (b's wake-up is queued after the cancellation)
        assertInstanceOf(CancellationException.class, await(failureOf(b)));
        assertEquals(List.of("b holds", "c holds"), log, "b held it, was cancelled at its sleep, released it");
        assertEquals("c", await(c));
        assertFalse(lock.isLocked());
        assertThrows(IllegalStateException.class, lock::release, "releasing a free lock is a bug");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> lock_withLock_releasesOnFailureToo() {
        Lock lock = new Lock();
        Throwable e = await(failureOf(lock.withLock(() -> Future.failed(new IllegalStateException("inside")))));
        assertEquals("inside", e.getMessage());
        assertFalse(lock.isLocked());
        return Future.completed(null);
    }

    @Async
    Future<Void> withPermit(Semaphore s, String name) {
        await(s.acquire());
        try {
            log.add(name + " in");
            await(EventLoop.sleep(Duration.ofMillis(100)));
            return Future.completed(null);
        } finally {
            s.release();
        }
    }

    @AsyncTest
    @Async
    Future<Void> semaphore_admitsAtMostItsPermits_andACancelledWaiterTakesNone() {
        Semaphore s = new Semaphore(2);
        Future<Void> a = withPermit(s, "a");
        Future<Void> b = withPermit(s, "b");
        Future<Void> c = withPermit(s, "c");
        Future<Void> d = withPermit(s, "d");
        assertEquals(0, s.available());
        c.cancel();
        await(Future.all(List.of(a, b, d)));
        assertInstanceOf(CancellationException.class, await(failureOf(c)));
        assertEquals(List.of("a in", "b in", "d in"), log);
        assertEquals(Duration.ofMillis(200), Duration.ofNanos(EventLoop.current().nanoTime()));
        assertEquals(2, s.available(), "every permit came back");
        return Future.completed(null);
    }

    @Async
    Future<String> waitFor(Event e, String name) {
        await(e.signalled());
        return Future.completed(name);
    }

    @AsyncTest
    @Async
    Future<Void> event_wakesEveryLiveWaiter_andStaysSetUntilCleared() {
        Event e = new Event();
        Future<String> a = waitFor(e, "a");
        Future<String> b = waitFor(e, "b");
        a.cancel();
        await(EventLoop.yieldNow());
        e.set();
        assertEquals("b", await(b));
        assertInstanceOf(CancellationException.class, await(failureOf(a)));
        assertTrue(e.signalled().isDone(), "set: waits return at once");
        e.clear();
        assertFalse(e.signalled().isDone());
        return Future.completed(null);
    }

    @Async
    Future<String> waitSignal(Condition c, String name) {
        await(c.signalled());
        log.add(name + " woke");
        return Future.completed(name);
    }

    @AsyncTest
    @Async
    Future<Void> condition_aSignalGoesToTheOldestLiveWaiter_aCancelledOneConsumesNone() {
        Condition c = new Condition();
        Future<String> a = waitSignal(c, "a");
        Future<String> b = waitSignal(c, "b");
        Future<String> d = waitSignal(c, "d");
        a.cancel();
        await(EventLoop.yieldNow());
        assertTrue(c.signal());
        assertEquals("b", await(b));
        assertEquals(1, c.signalAll());
        assertEquals("d", await(d));
        assertInstanceOf(CancellationException.class, await(failureOf(a)));
        assertEquals(List.of("b woke", "d woke"), log);
        assertFalse(c.signal(), "nobody waits now");
        return Future.completed(null);
    }

    @Async
    Future<Void> produce(AsyncQueue<Integer> q, int from, int to) {
        for (int i = from; i < to; i++) {
            await(q.put(i));
            log.add("put " + i);
        }
        return Future.completed(null);
    }

    @Async
    Future<List<Integer>> consume(AsyncQueue<Integer> q, int n) {
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            got.add(await(q.take()));
            await(EventLoop.sleep(Duration.ofMillis(10))); // a slow consumer
        }
        return Future.completed(got);
    }

    @AsyncTest
    @Async
    Future<Void> queue_aFullQueueMakesTheProducerWait_andKeepsTheOrder() {
        AsyncQueue<Integer> q = AsyncQueue.bounded(2);
        Future<Void> producer = produce(q, 0, 10);
        assertEquals(2, q.size(), "the producer waits for room after two items");
        List<Integer> got = await(consume(q, 10));
        await(producer);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got);
        assertEquals(0, q.size());
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> queue_aCancelledTakerTakesNothing_aCancelledPutterPutsNothing() {
        AsyncQueue<String> q = AsyncQueue.bounded(1);
        Future<String> t1 = q.take();
        Future<String> t2 = q.take();
        t1.cancel();
        assertTrue(q.offer("x"));
        assertEquals("x", await(t2), "the item skipped the cancelled taker");
        assertTrue(t1.isCancelled());

        assertTrue(q.offer("first"));
        Future<Void> p1 = q.put("cancelled one");
        Future<Void> p2 = q.put("second");
        p1.cancel();
        assertEquals("first", await(q.take()));
        assertEquals("second", await(q.take()), "the cancelled producer's item was never put");
        assertEquals(0, q.size());
        assertTrue(p2.isDone() && !p2.isFailed());
        return Future.completed(null);
    }

    @Async
    Future<String> takeThenSleep(AsyncQueue<String> q) {
        String item = await(q.take());
        log.add("took " + item);
        await(EventLoop.sleep(Duration.ofHours(1)));
        return Future.completed(item);
    }

    @AsyncTest
    @Async
    Future<Void> queue_aTakerCancelledJustAfterItWasServed_keepsTheItem() {
        AsyncQueue<String> q = AsyncQueue.bounded(4);
        Future<String> taker = takeThenSleep(q);
        await(EventLoop.yieldNow());
        taker.cancel();    // queued first: when it runs, the take is already done ...
        q.offer("only");   // ... because this serves the taker now
        assertInstanceOf(CancellationException.class, await(failureOf(taker)));
        assertEquals(List.of("took only"), log, "the item reached the taker, not the void");
        assertEquals(0, q.size());
        return Future.completed(null);
    }

    @org.junit.jupiter.api.Test
    void aPrimitiveBelongsToOneLoop() {
        Lock lock = new Lock();
        EventLoop.run(() -> Future.completed(lock.tryAcquire()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EventLoop.run(() -> Future.completed(lock.isLocked())));
        assertTrue(e.getMessage().contains("belongs to the event loop that first used it"), e.getMessage());
    }
}
