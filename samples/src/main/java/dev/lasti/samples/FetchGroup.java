package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.TaskGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A task group of fetches where one fails: the group cancels the others, waits until each has run its
 * cleanup (a {@code finally} that itself awaits, say returning a connection to a pool), and only then fails
 * with the first failure. No fetch outlives the group; nothing is left running or lost. asyncio's {@code
 * async with TaskGroup() as tg: tg.create_task(fetch(url))}, Kotlin's {@code coroutineScope}.
 */
public final class FetchGroup {
    private FetchGroup() {}

    /** What happened, in order; the sample prints it. */
    record Result(List<String> log, Throwable failure, Duration took) {}

    /** Stands for a fetch that takes {@code latency}, or fails after it when {@code url} ends in "!". */
    @Async
    static Future<String> fetch(String url, Duration latency, List<String> log) {
        try {
            await(EventLoop.sleep(latency));
            if (url.endsWith("!")) {
                return Future.failed(new IOException("connection reset fetching " + url));
            }
            log.add("fetched " + url);
            return Future.completed("<body of " + url + ">");
        } finally {
            await(EventLoop.sleep(Duration.ofMillis(50))); // cleanup that awaits: the group waits for it
            log.add("cleaned up " + url);
        }
    }

    /** Starts one fetch per url in {@code group}, then awaits them all. */
    @Async
    static Future<List<String>> fetchAll(TaskGroup group, List<String> urls, Duration latency, List<String> log) {
        List<Future<String>> started = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            Duration d = latency.multipliedBy(i + 1);
            started.add(group.start(() -> fetch(url, d, log)));
        }
        return Future.completed(await(Future.all(started)));
    }

    /** Runs four fetches, the second of which fails, in one group on a fresh loop. */
    @Async
    static Future<Result> demo(Duration latency) {
        List<String> log = new ArrayList<>();
        long t0 = EventLoop.current().nanoTime();
        Throwable failure = null;
        try {
            // the typed await declares IOException, so javac accepts the catch (see Await.await(Future, Class))
            await(TaskGroup.run(g -> fetchAll(g, List.of("/a", "/b!", "/c", "/d"), latency, log)), IOException.class);
        } catch (IOException e) {
            failure = e;
        }
        log.add("group done");
        return Future.completed(new Result(log, failure, Duration.ofNanos(EventLoop.current().nanoTime() - t0)));
    }

    static String run() {
        Result r = EventLoop.run(() -> demo(Duration.ofMillis(100)));
        return "4 fetches in a task group, /b! fails at 200 ms: " + String.join(", ", r.log())
                + "; the group failed with " + r.failure().getClass().getSimpleName() + " (" + r.failure().getMessage()
                + ") after " + String.format("%.2f s", r.took().toNanos() / 1e9) + ", every cleanup done";
    }
}
