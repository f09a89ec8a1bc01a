package dev.lasti.junit;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.time.Duration;

/**
 * Test classes for the engine's own tests, run through {@code EngineTestKit}. Nested, so that Surefire does
 * not run them as tests of this module (several are meant to fail): its default excludes skip nested
 * classes. A {@code -Dtest} pattern replaces those excludes, so name test classes in it ({@code
 * -Dtest='dev.lasti.junit.*Test'}) rather than negate ({@code -Dtest='!Foo'} selects the fixtures too).
 */
final class Fixtures {
    private Fixtures() {}

    /** Virtual time seen by the last fixture that recorded it, in nanoseconds. */
    static volatile long loopNanos;

    static final class Passing {
        @AsyncTest
        @Async
        Future<Void> sleepsAnHour() {
            await(EventLoop.sleep(Duration.ofHours(1)));
            loopNanos = EventLoop.current().nanoTime();
            return Future.completed(null);
        }

        @AsyncTest
        void plainVoid() {
            loopNanos = EventLoop.current().nanoTime();
        }

        @AsyncTest
        static Future<String> staticReturningAValue() {
            return Future.completed("ok");
        }

        void notATest() {
            throw new AssertionError("not an @AsyncTest method");
        }
    }

    static final class RealTime {
        @AsyncTest(realTime = true)
        @Async
        Future<Void> sleepsForReal() {
            await(EventLoop.sleep(Duration.ofMillis(300)));
            loopNanos = EventLoop.current().nanoTime();
            return Future.completed(null);
        }
    }

    static final class Failing {
        @AsyncTest
        @Async
        Future<Void> throwsAfterAnAwait() {
            await(EventLoop.sleep(Duration.ofSeconds(5)));
            throw new IllegalStateException("the test's own failure");
        }
    }

    static final class TimesOut {
        @AsyncTest(timeoutMillis = 300)
        Future<Void> waitsForever() {
            return new Promise<>();
        }

        @AsyncTest(timeoutMillis = 300)
        @Async
        Future<Void> spinsInVirtualTime() {
            while (true) {
                await(EventLoop.sleep(Duration.ofSeconds(1)));
            }
        }

        @AsyncTest(realTime = true, timeoutMillis = 300)
        Future<Void> waitsForeverInRealTime() {
            return EventLoop.sleep(Duration.ofDays(1));
        }
    }

    static final class LeavesAFailure {
        @AsyncTest
        @Async
        Future<Void> forgetsAFailedTask() {
            explodeLater(); // not awaited: its failure is never retrieved
            await(EventLoop.sleep(Duration.ofSeconds(1)));
            return Future.completed(null);
        }

        @Async
        static Future<Void> explodeLater() {
            await(EventLoop.yieldNow());
            throw new IllegalStateException("forgotten failure");
        }

        @AsyncTest
        @Async
        Future<Void> awaitsItsFailedTask() {
            Future<Void> child = explodeLater();
            try {
                await(child);
            } catch (IllegalStateException expected) {
                // retrieved: not a problem
            }
            return Future.completed(null);
        }
    }

    static final class LeavesATask {
        @AsyncTest
        @Async
        Future<Void> forgetsASleeper() {
            sleepADay();
            await(EventLoop.yieldNow());
            return Future.completed(null);
        }

        @Async
        static Future<Void> sleepADay() {
            await(EventLoop.sleep(Duration.ofDays(1)));
            return Future.completed(null);
        }
    }

    static final class BlocksTheLoop {
        @AsyncTest(blockedMillis = 300)
        void sleepsOnTheLoopThread() throws InterruptedException {
            Thread.sleep(1_000);
        }

        @AsyncTest(blockedMillis = 300, realTime = true)
        @Async
        Future<Void> offloadsTheSameWork() {
            await(EventLoop.blocking(() -> {
                Thread.sleep(1_000);
                return null;
            }));
            return Future.completed(null);
        }
    }

    static final class BadSignature {
        @AsyncTest
        String returnsAString() {
            return "no";
        }
    }
}
