package dev.lasti.samples;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.http.HttpResponse;
import dev.lasti.junit.AsyncTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Samples tested with lasti-junit: each method runs on a fresh loop in virtual time, so timing claims are
 * exact and cost no real time, and the test fails if it leaves a task or a failure behind.
 */
class SamplesAsyncTest {
    private static Duration elapsed() {
        return Duration.ofNanos(EventLoop.current().nanoTime());
    }

    @AsyncTest
    @Async
    Future<Void> gather_listKeepsOrderAndTheFetchesOverlap() {
        List<String> bodies = await(Gather.fetchAll(List.of("/a", "/b", "/c")));
        assertEquals(List.of("<body of /a>", "<body of /b>", "<body of /c>"), bodies);
        assertEquals(Gather.LATENCY, elapsed(), "three parallel fetches take one latency");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> gather_mapKeepsKeysInOrderAndTheFetchesOverlap() {
        Map<String, String> bodies = await(Gather.fetchMap(List.of("/z", "/a")));
        assertEquals(List.of("/z", "/a"), List.copyOf(bodies.keySet()));
        assertEquals("<body of /a>", bodies.get("/a"));
        assertEquals(Gather.LATENCY, elapsed());
        return Future.completed(null);
    }

    /** Over the embedded H2 database: 25 rows in batches of 10 are three round trips. */
    @AsyncTest
    @Async
    Future<Void> looping_awaitsInTheConditionOnlyWhenABatchIsUsedUp() {
        Looping.Result r = await(Looping.readTable("jdbc:h2:mem:samples-test", 25, 10));
        assertEquals(25, r.docs().size());
        assertEquals("doc-0", r.docs().get(0));
        assertEquals("doc-24", r.docs().get(24));
        assertEquals(3, r.roundTrips());
        return Future.completed(null);
    }

    /** A batch that ends exactly at the last row needs one more round trip to learn that nothing is left. */
    @AsyncTest
    @Async
    Future<Void> looping_anExactMultipleOfTheBatchEndsOnAnEmptyFetch() {
        Looping.Result r = await(Looping.readTable("jdbc:h2:mem:samples-test", 20, 10));
        assertEquals(20, r.docs().size());
        assertEquals(3, r.roundTrips());
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> slowServer_handlerAnswersHelloWorldAfterExactlyOneSecond() {
        HttpResponse response = await(SlowServer.hello(null)); // the handler ignores the request
        assertEquals(200, response.statusCode());
        assertEquals("Hello, world\n", new String(response.bodyBytes(), StandardCharsets.UTF_8));
        assertEquals(SlowServer.DELAY, elapsed());
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> sleepers_aHundredOneSecondNapsTakeOneSecondInAll() {
        List<Integer> ids = await(Sleepers.napAll(100, Duration.ofSeconds(1)));
        assertEquals(100, ids.size());
        assertEquals(99, (int) ids.get(99));
        assertEquals(Duration.ofSeconds(1), elapsed());
        return Future.completed(null);
    }
}
