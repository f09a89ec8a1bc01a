package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

/**
 * S10 (seeds 003 and 004): {@code fetch(url)} through a real HTTP client. The JDK {@link HttpClient}'s
 * {@code sendAsync} returns a {@code CompletableFuture} that completes on the client's own threads; awaiting
 * it as a {@code CompletionStage} brings the task back onto its loop thread. Seed 004:
 *
 * <pre>
 * &#64;gen.coroutine
 * def fetch_coroutine(url):
 *     http_client = AsyncHTTPClient()
 *     response = yield http_client.fetch(url)
 *     return response.body
 * </pre>
 */
public final class Fetch {
    private Fetch() {}

    /** The body of {@code url}; fails with the client's exception (unwrapped) if the request does. */
    @Async
    static Future<String> fetch(HttpClient client, URI url) {
        HttpResponse<String> response = await(client.sendAsync(HttpRequest.newBuilder(url).build(),
                BodyHandlers.ofString()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return Future.completed(response.body());
    }

    /** Fetches twice, concurrently, and says which thread the task resumed on. */
    @Async
    static Future<String> twoFetches(HttpClient client, URI url) {
        List<String> bodies = await(Future.all(List.of(fetch(client, url), fetch(client, url))));
        return Future.completed(bodies.get(0).strip() + "\", \"" + bodies.get(1).strip() + "\" (resumed on "
                + Thread.currentThread().getName() + ")");
    }

    /** Two fetches from the slow server on one loop. */
    public static String run() {
        try (SlowServer server = SlowServer.start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            String bodies = EventLoop.run(() -> twoFetches(client, server.uri()));
            return String.format("2 fetches with the JDK HttpClient, concurrent: %.2f s; \"%s",
                    Seconds.since(start), bodies);
        }
    }
}
