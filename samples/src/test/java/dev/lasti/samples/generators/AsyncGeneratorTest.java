package dev.lasti.samples.generators;

import static dev.lasti.Await.await;
import static dev.lasti.samples.Outcomes.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.AsyncGenerator;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Generates;
import dev.lasti.Generator.State;
import dev.lasti.Promise;
import dev.lasti.Yield;
import dev.lasti.junit.AsyncTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

/** Async generators: a body that awaits and yields, consumed by a loop whose condition awaits. */
class AsyncGeneratorTest {
    private final List<String> log = new ArrayList<>();

    private static long nowMs() {
        return Duration.ofNanos(EventLoop.current().nanoTime()).toMillis();
    }

    /** Yields 0..n-1, sleeping 100 ms before each; returns n. Logs its progress. */
    @Async
    @Generates
    AsyncGenerator<Integer> ticks(int n) {
        log.add("started");
        try {
            for (int i = 0; i < n; i++) {
                await(EventLoop.sleep(Duration.ofMillis(100)));
                Yield.yield(i);
                log.add("after yield " + i);
            }
            return AsyncGenerator.done(n);
        } finally {
            await(EventLoop.sleep(Duration.ofMillis(50))); // a cleanup that awaits
            log.add("cleaned up");
        }
    }

    @AsyncTest
    @Async
    Future<Void> theValuesComeOutAsTheBodyReachesThem_andTheReturnValueAtTheEnd() {
        AsyncGenerator<Integer> g = ticks(3);
        assertEquals(State.CREATED, g.state());
        assertTrue(log.isEmpty(), "the call runs nothing");
        List<String> seen = new ArrayList<>();
        while (await(g.hasNext())) {
            seen.add(g.next() + "@" + nowMs());
        }
        assertEquals(List.of("0@100", "1@200", "2@300"), seen);
        assertEquals(State.CLOSED, g.state());
        assertEquals(3, (int) g.returnValue());
        assertEquals(List.of("started", "after yield 0", "after yield 1", "after yield 2", "cleaned up"), log);
        assertEquals(350, nowMs(), "the end waited for the cleanup");
        assertEquals(false, await(g.hasNext()), "an ended generator stays ended");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> aReadyValueIsKept_untilNextTakesIt() {
        AsyncGenerator<Integer> g = ticks(2);
        assertEquals(true, await(g.hasNext()));
        assertEquals(State.SUSPENDED, g.state());
        assertTrue(g.hasNext().isDone(), "a value is ready: no step");
        assertEquals(0, (int) g.next());
        assertThrows(NoSuchElementException.class, g::next, "no value is ready until hasNext()");
        Future<Boolean> pending = g.hasNext();
        assertEquals(State.RUNNING, g.state());
        assertSame(pending, g.hasNext(), "while the body runs, the same future");
        assertEquals(true, await(pending));
        assertEquals(1, (int) g.next());
        await(g.close());
        return Future.completed(null);
    }

    @Async
    @Generates
    AsyncGenerator<String> failsAfterOne(Future<String> input) {
        Yield.yield("one");
        String got = await(input);
        throw new IllegalStateException("bad input: " + got);
    }

    @AsyncTest
    @Async
    Future<Void> aFailureOfTheBody_failsTheHasNextThatRanIt() {
        Promise<String> input = new Promise<>();
        AsyncGenerator<String> g = failsAfterOne(input);
        assertEquals(true, await(g.hasNext()));
        assertEquals("one", g.next());
        Future<Boolean> step = g.hasNext();
        input.complete("x");
        Throwable e = await(failureOf(step));
        assertInstanceOf(IllegalStateException.class, e);
        assertEquals("bad input: x", e.getMessage());
        assertEquals(State.CLOSED, g.state());
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> closeAtAYield_runsTheFinallyBlocks_awaitsIncluded() {
        AsyncGenerator<Integer> g = ticks(10);
        assertEquals(true, await(g.hasNext()));
        await(g.close());
        assertEquals(List.of("started", "cleaned up"), log);
        assertEquals(State.CLOSED, g.state());
        assertEquals(150, nowMs());
        assertTrue(await(g.close()) == null, "closing again does nothing");
        return Future.completed(null);
    }

    @Async
    Future<Integer> consumeAll(AsyncGenerator<Integer> g) {
        int sum = 0;
        while (await(g.hasNext())) {
            sum += g.next();
        }
        return Future.completed(sum);
    }

    @AsyncTest
    @Async
    Future<Void> cancellingTheConsumer_cancelsTheBodysAwait_andWaitsForItsCleanup() {
        AsyncGenerator<Integer> g = ticks(10);
        Future<Integer> consumer = consumeAll(g);
        await(EventLoop.sleep(Duration.ofMillis(150))); // one value consumed, the body sleeps for the next
        consumer.cancel();
        assertInstanceOf(CancellationException.class, await(failureOf(consumer)));
        assertEquals(List.of("started", "after yield 0", "cleaned up"), log);
        assertEquals(State.CLOSED, g.state());
        assertEquals(200, nowMs(), "cancelled at 150 ms, cleaned up for 50 ms");
        return Future.completed(null);
    }

    @Async
    @Generates
    AsyncGenerator<String> fromDoneFutures() {
        Yield.yield(await(Future.completed("a")));
        Yield.yield(await(Future.completed("b")));
        return AsyncGenerator.done();
    }

    @AsyncTest
    @Async
    Future<Void> awaitsOfDoneFutures_neverSuspend_soEveryStepIsDoneAtOnce() {
        AsyncGenerator<String> g = fromDoneFutures();
        Future<Boolean> first = g.hasNext();
        assertTrue(first.isDone() && first.resultNow());
        assertEquals("a", g.next());
        assertTrue(g.hasNext().resultNow());
        assertEquals("b", g.next());
        Future<Boolean> end = g.hasNext();
        assertTrue(end.isDone() && !end.resultNow());
        return Future.completed(null);
    }
}
