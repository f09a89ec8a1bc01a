package dev.lasti.samples.structured;

import static dev.lasti.Await.await;
import static dev.lasti.samples.Outcomes.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TaskGroup;
import dev.lasti.junit.AsyncTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/** Task groups: no child outlives its group, the first failure cancels the rest, and nothing is lost. */
class TaskGroupTest {
    private final List<String> log = new ArrayList<>();

    private static Duration now() {
        return Duration.ofNanos(EventLoop.current().nanoTime());
    }

    /** Sleeps {@code ms}, then answers {@code name}; its finally block awaits 100 ms and logs. */
    @Async
    Future<String> child(String name, long ms) {
        try {
            await(EventLoop.sleep(Duration.ofMillis(ms)));
            log.add(name + " done");
            return Future.completed(name);
        } finally {
            await(EventLoop.sleep(Duration.ofMillis(100)));
            log.add(name + " cleaned up");
        }
    }

    @Async
    Future<String> failing(String message, long ms) {
        await(EventLoop.sleep(Duration.ofMillis(ms)));
        throw new IllegalStateException(message);
    }

    @Async
    Future<String> startThree(TaskGroup group) {
        group.start(() -> child("a", 300));
        group.start(() -> child("b", 100));
        group.start(() -> child("c", 200));
        return Future.completed("body done"); // the group still waits for its children
    }

    @AsyncTest
    @Async
    Future<Void> theGroupWaitsForEveryChild_evenOnesNobodyAwaited() {
        String value = await(TaskGroup.run(this::startThree));
        assertEquals("body done", value);
        // b done at 100 ms, c at 200 (its timer was armed before b's cleanup), b clean at 200, a done at 300 ...
        assertEquals(List.of("b done", "c done", "b cleaned up", "a done", "c cleaned up", "a cleaned up"), log);
        assertEquals(Duration.ofMillis(400), now(), "the slowest child (300 ms + 100 ms cleanup)");
        return Future.completed(null);
    }

    @Async
    Future<String> oneFails(TaskGroup group) {
        group.start(() -> child("slow", 1_000));
        group.start(() -> failing("boom", 200));
        group.start(() -> child("slower", 2_000));
        return Future.completed(await(group.start(() -> child("awaited", 5_000))));
    }

    @AsyncTest
    @Async
    Future<Void> theFirstFailureCancelsTheOthers_andTheGroupFailsAfterTheirCleanup() {
        Throwable e = await(failureOf(TaskGroup.run(this::oneFails)));
        assertInstanceOf(IllegalStateException.class, e);
        assertEquals("boom", e.getMessage());
        assertEquals(0, e.getSuppressed().length, "cancellations are not attached: " + Arrays.toString(e.getSuppressed()));
        assertEquals(List.of("awaited cleaned up", "slow cleaned up", "slower cleaned up"), sorted(log));
        assertEquals(Duration.ofMillis(300), now(), "failed at 200 ms, cleaned up for 100 ms");
        return Future.completed(null);
    }

    @Async
    Future<String> failsInCleanup() {
        try {
            await(EventLoop.sleep(Duration.ofHours(1)));
            return Future.completed("never");
        } finally {
            throw new IllegalArgumentException("cleanup failed too");
        }
    }

    @Async
    Future<String> twoFailures(TaskGroup group) {
        group.start(this::failsInCleanup);
        group.start(() -> failing("first", 10));
        return Future.completed("body");
    }

    @AsyncTest
    @Async
    Future<Void> laterFailuresAreAttachedAsSuppressed_notLost() {
        Throwable e = await(failureOf(TaskGroup.run(this::twoFailures)));
        assertEquals("first", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("cleanup failed too", e.getSuppressed()[0].getMessage());
        return Future.completed(null);
    }

    @Async
    Future<String> startLong(TaskGroup group) {
        group.start(() -> child("a", 1_000));
        group.start(() -> child("b", 100));
        group.start(() -> child("c", 2_000));
        return Future.completed("body done");
    }

    @Async
    Future<String> owner() {
        try {
            return Future.completed(await(TaskGroup.run(this::startLong)));
        } finally {
            log.add("owner finally");
        }
    }

    @AsyncTest
    @Async
    Future<Void> cancellingTheOwner_cancelsTheChildren_andWaitsForTheirFinallyBlocks() {
        Future<String> task = owner();
        await(EventLoop.sleep(Duration.ofMillis(250))); // b is done and clean; a and c still sleep
        task.cancel();
        Throwable e = await(failureOf(task));
        assertInstanceOf(CancellationException.class, e);
        assertEquals(List.of("b done", "b cleaned up"), log.subList(0, 2));
        assertEquals("owner finally", log.get(log.size() - 1), "the owner unwinds last: " + log);
        assertEquals(List.of("a cleaned up", "b cleaned up", "b done", "c cleaned up", "owner finally"), sorted(log));
        assertEquals(Duration.ofMillis(350), now(), "cancelled at 250 ms, cleaned up for 100 ms");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> aTimeout_cancelsTheGroup_andFailsWithTimeoutExceptionAfterTheCleanup() {
        Throwable e = await(failureOf(TaskGroup.run(Duration.ofMillis(250), this::startThree)));
        assertInstanceOf(TimeoutException.class, e);
        // at 250 ms: b is done and clean, c is in its cleanup (which the cancellation cuts short), a sleeps
        assertEquals(List.of("a cleaned up", "b cleaned up", "b done", "c done"), sorted(log));
        assertEquals(Duration.ofMillis(350), now());
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> aGroupCancelledFromInside_endsCancelled() {
        Throwable e = await(failureOf(TaskGroup.run(group -> {
            group.start(() -> child("x", 1_000));
            group.cancel();
            return new Promise<String>(); // the body too is cancelled
        })));
        assertInstanceOf(CancellationException.class, e);
        assertEquals(List.of("x cleaned up"), log);
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> aFinishedGroupRefusesNewChildren() {
        TaskGroup[] kept = new TaskGroup[1];
        await(TaskGroup.run(group -> {
            kept[0] = group;
            return Future.completed("done");
        }));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept[0].start(() -> child("late", 1)));
        assertTrue(e.getMessage().contains("done"), e.getMessage());
        assertTrue(log.isEmpty(), "the late child never ran");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> aBodyThatThrowsBeforeReturning_failsTheGroup_andCancelsWhatItStarted() {
        Throwable e = await(failureOf(TaskGroup.run(group -> {
            group.start(() -> child("started", 1_000));
            throw new IllegalStateException("body broke");
        })));
        assertEquals("body broke", e.getMessage());
        assertEquals(List.of("started cleaned up"), log);
        return Future.completed(null);
    }

    private static List<String> sorted(List<String> l) {
        List<String> copy = new ArrayList<>(l);
        copy.sort(null);
        return copy;
    }
}
