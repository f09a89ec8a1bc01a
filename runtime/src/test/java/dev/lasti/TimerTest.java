package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers and the iteration order of the loop, in virtual time. */
@Timeout(60)
class TimerTest {
    private static <T> T runVirtual(VirtualTime time, Supplier<Future<T>> main) {
        return EventLoop.builder().timeSource(time).build().runUntilComplete(main);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void timersRunByDeadline_thenByInsertionOrder_atTheirVirtualTime() {
        VirtualTime time = new VirtualTime();
        List<String> fired = new ArrayList<>();
        runVirtual(time, () -> {
            EventLoop loop = EventLoop.current();
            for (String[] t : new String[][] {{"c", "3000"}, {"a1", "1000"}, {"b", "2000"}, {"a2", "1000"},
                    {"z", "0"}, {"a3", "1000"}}) {
                loop.callLater(ms(Long.parseLong(t[1])), () -> fired.add(t[0] + "@" + time.elapsed().toMillis()));
            }
            return EventLoop.sleep(Duration.ofSeconds(5));
        });
        assertEquals(List.of("z@0", "a1@1000", "a2@1000", "a3@1000", "b@2000", "c@3000"), fired);
        assertEquals(Duration.ofSeconds(5), time.elapsed());
    }

    @Test
    void cancelledTimer_doesNotRun_andCancelReportsWhetherItStoppedTheCallback() {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        AtomicBoolean otherRan = new AtomicBoolean();
        TimerHandle[] handles = new TimerHandle[2];
        runVirtual(new VirtualTime(), () -> {
            EventLoop loop = EventLoop.current();
            handles[0] = loop.callLater(ms(100), () -> cancelledRan.set(true));
            handles[1] = loop.callLater(ms(50), () -> otherRan.set(true));
            assertTrue(handles[0].cancel());
            assertFalse(handles[0].cancel(), "second cancel");
            return EventLoop.sleep(ms(200));
        });
        assertFalse(cancelledRan.get());
        assertTrue(otherRan.get());
        assertTrue(handles[0].isCancelled());
        assertFalse(handles[1].cancel(), "a timer that already ran cannot be cancelled");
        assertFalse(handles[1].isCancelled());
    }

    @Test
    void timerCancelledByAnEarlierTimerOfTheSameIteration_doesNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        runVirtual(new VirtualTime(), () -> {
            EventLoop loop = EventLoop.current();
            TimerHandle[] victim = new TimerHandle[1];
            loop.callLater(ms(10), () -> assertTrue(victim[0].cancel()));
            victim[0] = loop.callLater(ms(10), () -> ran.set(true)); // due together, runs second
            return EventLoop.sleep(ms(20));
        });
        assertFalse(ran.get(), "popped as due, then cancelled before its turn: must not run");
    }

    @Test
    void timerCancelledFromAnotherThread_doesNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        runVirtual(new VirtualTime(), () -> {
            TimerHandle h = EventLoop.current().callLater(Duration.ofSeconds(1), () -> ran.set(true));
            Thread other = new Thread(h::cancel, "canceller");
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return EventLoop.sleep(Duration.ofSeconds(2));
        });
        assertFalse(ran.get());
    }

    @Test
    void cancelRacingWithFiring_eachTimerEitherRunsOrReportsTheCancel_neverBoth() {
        int n = 20_000;
        boolean[] ran = new boolean[n]; // loop thread; read after the loop has finished
        boolean[] cancelled = new boolean[n]; // canceller thread; read after it has finished
        EventLoop loop = EventLoop.create();
        loop.runUntilComplete(() -> {
            List<TimerHandle> handles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = i;
                handles.add(loop.callLater(Duration.ZERO, () -> ran[id] = true));
            }
            Promise<Void> done = new Promise<>();
            new Thread(() -> {
                for (int i = n - 1; i >= 0; i--) { // from the back, so that the two meet in the middle
                    cancelled[i] = handles.get(i).cancel();
                }
                loop.execute(() -> done.complete(null));
            }, "canceller").start();
            return done;
        });
        for (int i = 0; i < n; i++) {
            assertTrue(ran[i] != cancelled[i], "timer " + i + ": ran=" + ran[i] + " cancelled=" + cancelled[i]);
        }
        assertEquals(0, loop.timerQueue().cancelledInHeap(), "the count of cancelled entries drifted");
    }

    @Test
    void callLaterFromAnotherThread_runsOnTheLoopThread() {
        Thread loopThread = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Promise<Void> done = new Promise<>();
            new Thread(() -> loop.callLater(ms(1), () -> {
                ranOn[0] = Thread.currentThread();
                done.complete(null);
            })).start();
            return done;
        });
        assertEquals(loopThread, ranOn[0]);
    }

    @Test
    void manyCancelledTimers_areCompactedAway_andTheHeapStaysSmall() {
        EventLoop loop = EventLoop.builder().timeSource(new VirtualTime()).build();
        AtomicInteger maxHeap = new AtomicInteger();
        loop.runUntilComplete(() -> {
            Promise<Void> done = new Promise<>();
            AtomicInteger rounds = new AtomicInteger();
            Runnable round = new Runnable() {
                @Override
                public void run() {
                    maxHeap.accumulateAndGet(loop.timerQueue().size(), Math::max);
                    for (int i = 0; i < 1_000; i++) { // a server arming and cancelling request timeouts
                        loop.callLater(Duration.ofHours(1), () -> { }).cancel();
                    }
                    if (rounds.incrementAndGet() < 200) {
                        loop.execute(this);
                    } else {
                        done.complete(null);
                    }
                }
            };
            loop.execute(round);
            loop.callLater(Duration.ofHours(2), () -> { }); // one live timer that must survive compaction
            return done;
        });
        assertTrue(maxHeap.get() <= 2_001, "200,000 cancelled timers, but the heap held " + maxHeap.get());
    }

    @Test
    void cancellingTimersThatAlreadyRan_doesNotCountTowardsCompaction() {
        EventLoop loop = EventLoop.builder().timeSource(new VirtualTime()).build();
        List<TimerHandle> handles = new ArrayList<>();
        loop.runUntilComplete(() -> {
            for (int i = 0; i < 2_000; i++) {
                handles.add(loop.callLater(ms(1), () -> { }));
            }
            return EventLoop.sleep(ms(10));
        });
        for (TimerHandle h : handles) {
            assertFalse(h.cancel());
        }
        assertEquals(0, loop.timerQueue().cancelledInHeap());
    }

    @Test
    void oneThousandSleeps_ofOneSecond_takeOneVirtualSecond_andNoRealSecond() {
        VirtualTime time = new VirtualTime();
        long start = System.nanoTime();
        List<Void> results = runVirtual(time, () -> {
            List<Future<Void>> sleeps = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                sleeps.add(EventLoop.sleep(Duration.ofSeconds(1)));
            }
            return Future.all(sleeps);
        });
        Duration real = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(1_000, results.size());
        assertEquals(Duration.ofSeconds(1), time.elapsed());
        // not a speed claim: had the loop waited for real, this would take at least the full second
        assertTrue(real.compareTo(Duration.ofSeconds(1)) < 0, "the loop waited in real time: " + real);
    }

    @Test
    void callbacksQueuedDuringAnIteration_runInTheNextOne_afterThisIterationsTimers() {
        List<String> order = new ArrayList<>();
        runVirtual(new VirtualTime(), () -> {
            EventLoop loop = EventLoop.current();
            loop.execute(() -> {
                order.add("A");
                loop.execute(() -> order.add("B (queued by A)"));
            });
            loop.callLater(Duration.ZERO, () -> order.add("T (due timer)"));
            return EventLoop.sleep(ms(1));
        });
        assertEquals(List.of("A", "T (due timer)", "B (queued by A)"), order);
    }

    @Test
    void callbackThatRequeuesItselfForever_doesNotStarveTimersOrOtherCallbacks() {
        VirtualTime time = new VirtualTime();
        AtomicInteger spins = new AtomicInteger();
        AtomicInteger spinsWhenTimerFired = new AtomicInteger(-1);
        AtomicBoolean otherRan = new AtomicBoolean();
        runVirtual(time, () -> {
            EventLoop loop = EventLoop.current();
            Promise<Void> timerFired = new Promise<>();
            Runnable spinner = new Runnable() {
                @Override
                public void run() {
                    spins.incrementAndGet();
                    time.advance(ms(1)); // each round "takes" a millisecond
                    if (!timerFired.isDone()) {
                        loop.execute(this);
                    }
                }
            };
            loop.execute(spinner);
            loop.execute(() -> loop.execute(() -> otherRan.set(true)));
            loop.callLater(ms(10), () -> {
                spinsWhenTimerFired.set(spins.get());
                timerFired.complete(null);
            });
            return timerFired;
        });
        assertTrue(otherRan.get());
        // one spin per iteration: the timer fires in the iteration after the clock passes 10 ms
        assertTrue(spinsWhenTimerFired.get() >= 10 && spinsWhenTimerFired.get() <= 12,
                "timer fired after " + spinsWhenTimerFired.get() + " spins");
    }
}
