package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S13 (seed 004): waiting on a list and on a map of futures in parallel, like Tornado's {@code yield [..]}
 * and {@code yield {..}}. Three 300 ms fetches take about 300 ms together. Seed 004:
 *
 * <pre>
 * &#64;gen.coroutine
 * def parallel_fetch_many(urls):
 *     responses = yield [http_client.fetch(url) for url in urls]
 *
 * &#64;gen.coroutine
 * def parallel_fetch_dict(urls):
 *     responses = yield {url: http_client.fetch(url) for url in urls}
 * </pre>
 */
public final class Gather {
    static final Duration LATENCY = Duration.ofMillis(300);

    private Gather() {}

    /** Stands for an HTTP fetch: answers after {@link #LATENCY}. */
    @Async
    static Future<String> fetch(String url) {
        await(EventLoop.sleep(LATENCY));
        return Future.completed("<body of " + url + ">");
    }

    /** {@code responses = yield [fetch(u) for u in urls]} */
    @Async
    static Future<List<String>> fetchAll(List<String> urls) {
        List<Future<String>> pending = new ArrayList<>();
        for (String url : urls) {
            pending.add(fetch(url));
        }
        return Future.completed(await(Future.all(pending)));
    }

    /** {@code responses = yield {u: fetch(u) for u in urls}} */
    @Async
    static Future<Map<String, String>> fetchMap(List<String> urls) {
        Map<String, Future<String>> pending = new LinkedHashMap<>();
        for (String url : urls) {
            pending.put(url, fetch(url));
        }
        return Future.completed(await(Future.all(pending)));
    }

    /** Runs both forms and times them. */
    public static String run() {
        List<String> urls = List.of("/a", "/b", "/c");
        long start = System.nanoTime();
        List<String> list = EventLoop.run(() -> fetchAll(urls));
        double listSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Map<String, String> map = EventLoop.run(() -> fetchMap(urls));
        double mapSeconds = (System.nanoTime() - start) / 1e9;
        return String.format("%d fetches of %.1f s as a list: %.2f s; as a map %s: %.2f s", list.size(),
                LATENCY.toMillis() / 1000.0, listSeconds, map.keySet(), mapSeconds);
    }
}
