package dev.lasti.samples.structured;

import static dev.lasti.Await.await;
import static dev.lasti.samples.Outcomes.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.VirtualTime;
import dev.lasti.junit.AsyncTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Cancellation waits for the work it cancels to unwind, and loses no outcome on the way. */
class CancellationWaitsTest {
    private final List<String> log = new ArrayList<>();

    @Async
    Future<String> inner() {
        try {
            await(new Promise<Void>()); // never completes: only a cancellation ends it
            return Future.completed("unreachable");
        } finally {
            log.add("inner finally begins");
            await(EventLoop.sleep(Duration.ofSeconds(1))); // a finally that awaits
            log.add("inner finally ends");
        }
    }

    @Async
    Future<String> outer() {
        try {
            return Future.completed(await(inner()));
        } finally {
            log.add("outer finally");
        }
    }

    @AsyncTest
    @Async
    Future<Void> cancellingATaskThatAwaitsATask_waitsForTheInnerFinallyBlocks() {
        Future<String> task = outer();
        await(EventLoop.yieldNow());
        task.cancel();
        Throwable e = await(failureOf(task));
        assertTrue(e instanceof CancellationException, String.valueOf(e));
        assertEquals(List.of("inner finally begins", "inner finally ends", "outer finally"), log);
        assertEquals(Duration.ofSeconds(1), Duration.ofNanos(EventLoop.current().nanoTime()),
                "the outer task ended only after the inner one's one-second finally");
        return Future.completed(null);
    }

    /** A future whose value arrives before the cancellation reaches the await is not lost. */
    @AsyncTest
    @Async
    Future<Void> aValueThatArrivedBeforeTheCancellation_isDelivered_andTheNextAwaitIsCancelled() {
        Promise<String> gift = new Promise<>();
        Future<String> task = takeThenWait(gift);
        task.cancel();            // queued first: when it runs, the await below already has its value ...
        gift.complete("permit");  // ... because this completes it now (the wake-up is queued after)
        Throwable e = await(failureOf(task));
        assertTrue(e instanceof CancellationException, String.valueOf(e));
        assertEquals(List.of("took permit", "cancelled at the next await"), log);
        return Future.completed(null);
    }

    @Async
    Future<String> takeThenWait(Future<String> gift) {
        String got = await(gift);
        log.add("took " + got);
        try {
            await(EventLoop.sleep(Duration.ofHours(1)));
        } catch (CancellationException e) {
            log.add("cancelled at the next await");
            throw e;
        }
        return Future.completed(got);
    }

    /** withTimeout cancels what it timed and fails only once that has unwound. */
    @AsyncTest
    @Async
    Future<Void> withTimeout_failsAfterTheTimedTaskHasUnwound() {
        Future<String> timed = inner().withTimeout(Duration.ofMillis(100));
        Throwable e = await(failureOf(timed));
        assertTrue(e instanceof TimeoutException, String.valueOf(e));
        assertEquals(List.of("inner finally begins", "inner finally ends"), log);
        assertEquals(Duration.ofMillis(1100), Duration.ofNanos(EventLoop.current().nanoTime()));
        return Future.completed(null);
    }

    /** Future.all's result, cancelled, completes only when every input has unwound. */
    @AsyncTest
    @Async
    Future<Void> cancellingAll_waitsForEveryInput() {
        Future<List<String>> both = Future.all(List.of(inner(), inner()));
        await(EventLoop.yieldNow());
        both.cancel();
        Throwable e = await(failureOf(both));
        assertTrue(e instanceof CancellationException, String.valueOf(e));
        assertEquals(4, log.size(), "both inputs ran their finally blocks first: " + log);
        assertEquals("inner finally ends", log.get(3));
        return Future.completed(null);
    }

    /** At the end of EventLoop.run, a cancelled task's finally that awaits a sleep runs to its end. */
    @Test
    void runWaitsForCancelledTasksFinallyBlocks_timersIncluded() {
        VirtualTime time = new VirtualTime();
        EventLoop loop = EventLoop.builder().timeSource(time).build();
        loop.runUntilComplete(() -> {
            inner(); // left behind: the loop cancels it when main is done
            return Future.completed(null);
        });
        assertEquals(List.of("inner finally begins", "inner finally ends"), log);
        assertEquals(Duration.ofSeconds(1), time.elapsed());
    }

    /**
     * On the real clock, the shutdown ends as soon as the last cancelled task has unwound. It used to
     * select once more after that, until the next timer or, with none armed, until the shutdown timeout:
     * every run that left such a task behind took the whole timeout (60 s here, 5 s by default).
     */
    @Test
    void runEndsWhenTheLastTaskHasUnwound_notAtTheShutdownTimeout() {
        EventLoop loop = EventLoop.builder().shutdownTimeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        loop.runUntilComplete(() -> {
            inner(); // its finally awaits a sleep on the real clock
            return Future.completed(null);
        });
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertEquals(List.of("inner finally begins", "inner finally ends"), log);
        assertTrue(seconds < 30, "the shutdown took " + seconds + " s");
    }

    /** ... for at most the shutdown timeout; what is left is dropped, and the loop still ends. */
    @Test
    void runGivesUpAfterTheShutdownTimeout() {
        VirtualTime time = new VirtualTime();
        EventLoop loop = EventLoop.builder().timeSource(time).shutdownTimeout(Duration.ofMillis(500)).build();
        loop.runUntilComplete(() -> {
            inner();
            return Future.completed(null);
        });
        assertEquals(List.of("inner finally begins"), log, "the one-second finally did not fit in 500 ms");
    }

    /** In virtual time, a timeout around a blocking job fires only if the job really takes that long. */
    @AsyncTest
    @Async
    Future<Void> virtualTime_doesNotJumpPastABlockingJob() {
        CountDownLatch release = new CountDownLatch(1);
        Future<String> job = EventLoop.blocking(() -> {
            release.await(5, TimeUnit.SECONDS);
            return "done";
        });
        EventLoop.current().callLater(Duration.ofMillis(50), release::countDown); // a real 50 ms
        String out = await(job.withTimeout(Duration.ofSeconds(2)));
        assertEquals("done", out);
        long virtualMs = Duration.ofNanos(EventLoop.current().nanoTime()).toMillis();
        assertTrue(virtualMs >= 50 && virtualMs < 2_000, "virtual time followed the real wait: " + virtualMs);
        return Future.completed(null);
    }

}
