package dev.lasti.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The engine end to end, through the platform's test kit: discovery, clocks, timeouts and the checks. */
class LastiTestEngineTest {

    private static Events run(DiscoverySelector selector) {
        return EngineTestKit.engine(LastiTestEngine.ID).selectors(selector).execute().testEvents();
    }

    /** The failure of the one test the selector picks, which must have failed. */
    private static Throwable failureOf(DiscoverySelector selector) {
        Events events = run(selector);
        events.assertStatistics(s -> s.started(1).failed(1));
        Event finished = events.failed().list().get(0);
        return finished.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Test
    void findsEveryAsyncTestMethodOfAClassAndRunsItInVirtualTime() {
        long start = System.nanoTime();
        run(selectClass(Fixtures.Passing.class)).assertStatistics(s -> s.started(3).succeeded(3));
        assertTrue(elapsedMillis(start) < 5_000, "an hour of virtual time took " + elapsedMillis(start) + " ms");
    }

    @Test
    void anHourOfSleepPassesInVirtualTime() {
        run(selectMethod(Fixtures.Passing.class, "sleepsAnHour")).assertStatistics(s -> s.succeeded(1));
        assertEquals(Duration.ofHours(1).toNanos(), Fixtures.loopNanos);
    }

    @Test
    void realTimeSwitchRunsOnTheSystemClock() {
        long start = System.nanoTime();
        run(selectMethod(Fixtures.RealTime.class, "sleepsForReal")).assertStatistics(s -> s.succeeded(1));
        assertTrue(elapsedMillis(start) >= 300, "slept only " + elapsedMillis(start) + " ms");
        assertTrue(Math.abs(System.nanoTime() - Fixtures.loopNanos) < TimeUnit.MINUTES.toNanos(1),
                "the loop's clock is System.nanoTime");
    }

    @Test
    void uniqueIdSelectorsReRunOneTest() {
        String id = "[engine:lasti]/[class:" + Fixtures.Passing.class.getName() + "]/[method:plainVoid]";
        run(selectUniqueId(id)).assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void theTestsOwnFailureIsItsResult() {
        Throwable t = failureOf(selectClass(Fixtures.Failing.class));
        assertInstanceOf(IllegalStateException.class, t);
        assertEquals("the test's own failure", t.getMessage());
    }

    @Test
    void aFutureThatNeverCompletesTimesOut() {
        assertTimedOut(failureOf(selectMethod(Fixtures.TimesOut.class, "waitsForever")), "dev.lasti.EventLoop.select(");
    }

    @Test
    void aLoopSpinningThroughVirtualTimeTimesOutInRealTime() {
        long start = System.nanoTime();
        assertTimedOut(failureOf(selectMethod(Fixtures.TimesOut.class, "spinsInVirtualTime")), "lasti-test-loop");
        assertTrue(elapsedMillis(start) < 5_000, "took " + elapsedMillis(start) + " ms");
    }

    @Test
    void realTimeTestsTimeOutToo() {
        Throwable t = failureOf(selectMethod(Fixtures.TimesOut.class, "waitsForeverInRealTime"));
        assertTimedOut(t, "lasti-test-loop");
    }

    @Test
    void aFailureNobodyRetrievedFailsTheTest() {
        Throwable t = failureOf(selectMethod(Fixtures.LeavesAFailure.class, "forgetsAFailedTask"));
        assertInstanceOf(AssertionError.class, t);
        assertTrue(t.getMessage().contains("a future failed and nobody retrieved its failure:"
                + " java.lang.IllegalStateException: forgotten failure"), t.getMessage());
        assertEquals("forgotten failure", t.getCause().getMessage());
    }

    @Test
    void anAwaitedFailureIsRetrieved() {
        run(selectMethod(Fixtures.LeavesAFailure.class, "awaitsItsFailedTask")).assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void aTaskStillSuspendedAtTheEndFailsTheTest() {
        Throwable t = failureOf(selectClass(Fixtures.LeavesATask.class));
        assertEquals("lasti: 1 task(s) were still suspended when the test's future completed; await or cancel"
                + " every task the test starts", t.getMessage());
    }

    @Test
    void blockingTheLoopPastTheThresholdFailsTheTest() {
        Throwable t = failureOf(selectMethod(Fixtures.BlocksTheLoop.class, "sleepsOnTheLoopThread"));
        assertTrue(t.getMessage().startsWith("lasti: the test's event loop was busy for at least "), t.getMessage());
        assertTrue(t.getMessage().contains("(threshold 300 ms); move blocking work to EventLoop.blocking(...)"));
        assertTrue(List.of(t.getCause().getStackTrace()).stream()
                .anyMatch(e -> e.getMethodName().equals("sleepsOnTheLoopThread")), "the stack names the culprit");
    }

    @Test
    void theSameWorkOnTheBlockingPoolPasses() {
        run(selectMethod(Fixtures.BlocksTheLoop.class, "offloadsTheSameWork")).assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void aMethodThatReturnsNeitherVoidNorAFutureFailsWithTheReason() {
        Throwable t = failureOf(selectClass(Fixtures.BadSignature.class));
        assertTrue(t.getMessage().contains("must take no parameters and return void or a dev.lasti.Future"),
                t.getMessage());
    }

    @Test
    void classesWithoutAsyncTestsAreNotContainers() {
        EngineTestKit.engine(LastiTestEngine.ID).selectors(selectClass(LastiTestEngineTest.class)).execute()
                .containerEvents().assertStatistics(s -> s.started(1)); // the engine only
    }

    @Test
    void jupiterLeavesAsyncTestMethodsToThisEngine() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Fixtures.Passing.class)).execute()
                .testEvents().assertStatistics(s -> s.started(0));
    }

    private static void assertTimedOut(Throwable t, String stackMentions) {
        assertInstanceOf(AssertionError.class, t);
        assertTrue(t.getMessage().startsWith("lasti: the test did not finish within 300 ms of real time"),
                t.getMessage());
        String stack = t.getCause().getMessage() + List.of(t.getCause().getStackTrace());
        assertTrue(stack.contains(stackMentions), stack);
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
