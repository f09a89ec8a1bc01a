package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every combinator on {@link Future}, and {@link Promise}'s completion methods. */
@Timeout(60)
class CombinatorsTest {
    @Test
    void allList_keepsInputOrder_whateverTheCompletionOrder_andAllowsNulls() {
        Promise<String> a = new Promise<>();
        Promise<String> b = new Promise<>();
        Promise<String> c = new Promise<>();
        Future<List<String>> all = Future.all(List.of(a, b, c));
        c.complete("c");
        b.complete(null);
        assertFalse(all.isDone());
        a.complete("a");
        assertEquals(Arrays.asList("a", null, "c"), all.resultNow());
        assertTrue(Future.all(List.<Future<String>>of()).resultNow().isEmpty());
    }

    @Test
    void allList_failsFastWithTheFirstFailure_andLeavesTheOthersRunning() {
        Promise<String> slow = new Promise<>();
        Promise<String> failing = new Promise<>();
        Future<List<String>> all = Future.all(List.of(slow, failing));
        IOException boom = new IOException("boom");
        failing.fail(boom);
        assertTrue(all.isFailed());
        assertSame(boom, all.cause());
        assertFalse(slow.isDone(), "fail-fast does not cancel the other inputs");
    }

    @Test
    void allList_aCancelledInput_doesNotCancelItsSiblings() {
        Promise<String> cancelled = new Promise<>();
        Promise<String> sibling = new Promise<>();
        Future<List<String>> all = Future.all(List.of(cancelled, sibling));
        cancelled.cancel();
        assertTrue(all.isCancelled());
        assertFalse(sibling.isDone());
    }

    @Test
    void allList_cancellingTheResult_cancelsEveryInput() {
        Promise<String> a = new Promise<>();
        Promise<String> b = new Promise<>();
        Future<List<String>> all = Future.all(List.of(a, b));
        assertTrue(all.cancel());
        assertTrue(a.isCancelled());
        assertTrue(b.isCancelled());
    }

    @Test
    void allMap_keepsTheInputMapsOrder_andFailsFast() {
        Map<String, Promise<Integer>> inputs = new LinkedHashMap<>();
        for (String k : List.of("zulu", "alpha", "mike")) {
            inputs.put(k, new Promise<>());
        }
        Future<Map<String, Integer>> all = Future.all(inputs);
        inputs.get("mike").complete(3);
        inputs.get("alpha").complete(2);
        inputs.get("zulu").complete(1);
        assertEquals(List.of("zulu", "alpha", "mike"), new ArrayList<>(all.resultNow().keySet()));
        assertEquals(List.of(1, 2, 3), new ArrayList<>(all.resultNow().values()));

        Map<String, Promise<Integer>> failing = new LinkedHashMap<>();
        failing.put("x", new Promise<>());
        failing.put("y", new Promise<>());
        Future<Map<String, Integer>> failed = Future.all(failing);
        failing.get("y").fail(new IllegalStateException("y broke"));
        assertEquals("y broke", failed.cause().getMessage());
        assertFalse(failing.get("x").isDone());
    }

    @Test
    void any_completesWithTheFirstOutcome_valueOrFailure() {
        Promise<String> a = new Promise<>();
        Promise<String> b = new Promise<>();
        Future<String> first = Future.any(List.of(a, b));
        b.complete("b");
        a.complete("a");
        assertEquals("b", first.resultNow());

        Promise<String> c = new Promise<>();
        Promise<String> d = new Promise<>();
        Future<String> firstFailure = Future.any(List.of(c, d));
        c.fail(new IOException("c"));
        d.complete("d");
        assertEquals("c", firstFailure.cause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> Future.any(List.of()));
    }

    @Test
    void withTimeout_failsWithTimeoutException_andCancelsTheInner() {
        VirtualTime time = new VirtualTime();
        AtomicReference<Future<Void>> inner = new AtomicReference<>();
        EventLoop loop = EventLoop.builder().timeSource(time).build();
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(() -> {
            inner.set(EventLoop.sleep(Duration.ofSeconds(10)));
            return inner.get().withTimeout(Duration.ofSeconds(1));
        }));
        assertTrue(inner.get().isCancelled());
        assertEquals(Duration.ofSeconds(1), time.elapsed());
    }

    @Test
    void withTimeout_passesTheInnerOutcomeThrough_whenTheInnerIsFaster() {
        VirtualTime time = new VirtualTime();
        EventLoop loop = EventLoop.builder().timeSource(time).build();
        String value = loop.runUntilComplete(() -> {
            Promise<String> p = new Promise<>();
            EventLoop.current().callLater(Duration.ofSeconds(1), () -> p.complete("fast"));
            return p.withTimeout(Duration.ofSeconds(10));
        });
        assertEquals("fast", value);
        assertEquals(Duration.ofSeconds(1), time.elapsed(), "the timeout's timer was released");

        IOException e = assertThrows(IOException.class, () -> EventLoop.run(() -> {
            Promise<String> p = new Promise<>();
            EventLoop.current().execute(() -> p.fail(new IOException("inner failed")));
            return p.withTimeout(Duration.ofSeconds(10));
        }));
        assertEquals("inner failed", e.getMessage());
        EventLoop.run(() -> {
            Future<String> done = Future.completed("x");
            assertSame(done, done.withTimeout(Duration.ofSeconds(1)));
            return done;
        });
    }

    @Test
    void withTimeout_cancellingTheResult_cancelsTheInner() {
        AtomicReference<Future<Void>> inner = new AtomicReference<>();
        assertThrows(CancellationException.class, () -> EventLoop.run(() -> {
            inner.set(EventLoop.sleep(Duration.ofHours(1)));
            Future<Void> timed = inner.get().withTimeout(Duration.ofHours(2));
            EventLoop.current().execute(timed::cancel);
            return timed;
        }));
        assertTrue(inner.get().isCancelled());
    }

    @Test
    void from_completionStageCompletedOnAnotherThread() throws Exception {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Future.from(cf);
        assertFalse(f.isDone());
        Thread t = new Thread(() -> cf.complete("elsewhere"));
        t.start();
        assertEquals("elsewhere", f.join());
        assertTrue(Future.from(CompletableFuture.completedFuture(1)).isDone(), "a done stage is done at once");
    }

    @Test
    void from_unwrapsCompletionException_toTheOriginalCause() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> dependent = source.thenApply(s -> {
            throw new IllegalArgumentException("bad " + s);
        });
        Future<String> f = Future.from(dependent);
        source.complete("input");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::join);
        assertEquals("bad input", e.getMessage());
        assertFalse(f.cause() instanceof CompletionException);
    }

    @Test
    void from_cancellingTheFuture_cancelsTheStage() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Future.from(cf);
        assertTrue(f.cancel());
        assertTrue(cf.isCancelled());
    }

    @Test
    void toCompletableFuture_carriesValueAndFailure_andCancelBothWays() {
        Promise<String> p = new Promise<>();
        CompletableFuture<String> cf = p.toCompletableFuture();
        p.complete("v");
        assertEquals("v", cf.join());

        Promise<String> failing = new Promise<>();
        CompletableFuture<String> failedCf = failing.toCompletableFuture();
        failing.fail(new IOException("io"));
        CompletionException e = assertThrows(CompletionException.class, failedCf::join);
        assertEquals("io", e.getCause().getMessage());

        Promise<String> a = new Promise<>();
        CompletableFuture<String> aCf = a.toCompletableFuture();
        assertTrue(aCf.cancel(false));
        assertTrue(a.isCancelled(), "cancelling the CompletableFuture cancels the future");

        Promise<String> b = new Promise<>();
        CompletableFuture<String> bCf = b.toCompletableFuture();
        assertTrue(b.cancel());
        assertTrue(bCf.isCancelled(), "cancelling the future cancels the CompletableFuture");
    }

    /** A callback-style API of the kind Tornado's gen.Task wraps: it answers on its own thread. */
    private static void lookUp(String key, BiConsumer<String, Throwable> callback) {
        new Thread(() -> {
            if (key.isEmpty()) {
                callback.accept(null, new IllegalArgumentException("empty key"));
            } else {
                callback.accept("value of " + key, null);
            }
        }, "callback-api").start();
    }

    @Test
    void fromCallback_wrapsACallbackApi_answeringOnAnotherThread() {
        Future<String> ok = Future.fromCallback(p -> lookUp("k", p::handle));
        assertEquals("value of k", ok.join());
        Future<String> bad = Future.fromCallback(p -> lookUp("", p::handle));
        assertEquals("empty key", assertThrows(IllegalArgumentException.class, bad::join).getMessage());
    }

    @Test
    void fromCallback_aStarterThatThrows_failsTheFuture() {
        Future<String> f = Future.fromCallback(p -> {
            throw new IllegalStateException("could not start");
        });
        assertTrue(f.isDone());
        assertEquals("could not start", f.cause().getMessage());
    }

    @Test
    void fromCallback_resumesAnAwaitingLoopOnItsThread() {
        Thread loopThread = Thread.currentThread();
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        AtomicReference<Thread> continuedOn = new AtomicReference<>();
        String v = EventLoop.run(() -> {
            Future<String> f = Future.fromCallback(p -> lookUp("x", (r, e) -> {
                callbackThread.set(Thread.currentThread());
                p.handle(r, e);
            }));
            Promise<String> next = new Promise<>();
            EventLoop loop = EventLoop.current();
            f.whenDone(done -> loop.execute(() -> { // what a task's wake-up does
                continuedOn.set(Thread.currentThread());
                next.completeWith(done);
            }));
            return next;
        });
        assertEquals("value of x", v);
        assertNotSame(loopThread, callbackThread.get());
        assertSame(loopThread, continuedOn.get());
    }

    @Test
    void promiseHandle_failureWins_otherwiseTheValue_andOnlyTheFirstCompletionCounts() {
        Promise<String> p = new Promise<>();
        p.handle("ignored", new IOException("e"));
        assertEquals("e", p.cause().getMessage());
        Promise<String> q = new Promise<>();
        q.handle("v", null);
        q.handle(null, new IOException("late"));
        assertFalse(q.complete("again"));
        assertEquals("v", q.resultNow());
    }

    @Test
    void completeWith_aPendingSource_isRefused() {
        Promise<String> p = new Promise<>();
        assertThrows(IllegalStateException.class, () -> p.completeWith(new Promise<>()));
        assertFalse(p.isDone(), "the target must stay pending");
        p.complete("still usable");
        assertEquals("still usable", p.resultNow());
    }

    @Test
    void join_fromAnotherThread_waitsForCompletion() throws Exception {
        Promise<String> p = new Promise<>();
        CountDownLatch joining = new CountDownLatch(1);
        AtomicReference<String> got = new AtomicReference<>();
        Thread t = new Thread(() -> {
            joining.countDown();
            got.set(p.join());
        });
        t.start();
        assertTrue(joining.await(10, TimeUnit.SECONDS));
        p.complete("joined");
        t.join(10_000);
        assertEquals("joined", got.get());
    }
}
