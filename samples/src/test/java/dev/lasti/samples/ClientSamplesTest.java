package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S1 to S4, S9 and S10 against one in-process slow server. Timing is checked only as generous overlap:
 * two concurrent 1 s requests end in under 1.8 s, two sequential ones take at least 2 s.
 */
class ClientSamplesTest {
    private static final String OK = "HTTP/1.1 200 OK \"Hello, world\"";
    private static SlowServer server;

    @BeforeAll
    static void startServer() {
        server = SlowServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void slowServer_answersHelloWorld_andServesTwoRequestsAtOnce() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        List<CompletableFuture<java.net.http.HttpResponse<String>>> calls = List.of(
                client.sendAsync(HttpRequest.newBuilder(server.uri()).build(), BodyHandlers.ofString()),
                client.sendAsync(HttpRequest.newBuilder(server.uri()).build(), BodyHandlers.ofString()));
        for (CompletableFuture<java.net.http.HttpResponse<String>> call : calls) {
            assertEquals(200, call.join().statusCode());
            assertEquals("Hello, world\n", call.join().body());
        }
        assertOverlapped(Seconds.since(start));
    }

    @Test
    void blockingClient_twoRequestsTakeTwoDelays() throws IOException {
        long start = System.nanoTime();
        String first = BlockingClient.request(server.address());
        String second = BlockingClient.request(server.address());
        double seconds = Seconds.since(start);
        assertEquals(OK, RawHttp.summary(first));
        assertEquals(OK, RawHttp.summary(second));
        assertTrue(seconds >= 2.0, "two sequential requests took " + seconds + " s");
    }

    @Test
    void callbackClient_twoRequestsOverlap() {
        assertTwoConcurrentRequestsOverlap(CallbackClient::request);
    }

    @Test
    void callbackClient_refusedConnectionFailsTheFuture() throws IOException {
        InetSocketAddress closed = closedPort();
        assertThrows(ConnectException.class, () -> EventLoop.run(() -> CallbackClient.request(closed)));
    }

    @Test
    void asyncClient_twoRequestsOverlap() {
        assertTwoConcurrentRequestsOverlap(AsyncClient::request);
    }

    @Test
    void asyncClient_refusedConnectionIsThrownAtTheAwait() throws IOException {
        InetSocketAddress closed = closedPort();
        assertThrows(ConnectException.class, () -> EventLoop.run(() -> AsyncClient.request(closed)));
    }

    @Test
    void rawReadiness_twoRequestsOverlap() {
        assertTwoConcurrentRequestsOverlap(RawReadiness::requestUnchecked);
    }

    @Test
    void rawReadiness_refusedConnectionIsThrownByFinishConnect() throws IOException {
        InetSocketAddress closed = closedPort();
        assertThrows(ConnectException.class, () -> EventLoop.run(() -> RawReadiness.requestUnchecked(closed)));
    }

    @Test
    void fetch_twoFetchesOverlap_andResumeOnTheLoopThread() {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        String report = EventLoop.run(() -> Fetch.twoFetches(client, server.uri()));
        assertOverlapped(Seconds.since(start));
        assertEquals("Hello, world\", \"Hello, world\" (resumed on " + Thread.currentThread().getName() + ")",
                report);
    }

    @Test
    void fetch_clientFailureIsThrownUnwrapped() throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        InetSocketAddress closed = closedPort();
        java.net.URI url = java.net.URI.create("http://127.0.0.1:" + closed.getPort() + "/");
        assertThrows(ConnectException.class, () -> EventLoop.run(() -> Fetch.fetch(client, url)));
    }

    private static void assertTwoConcurrentRequestsOverlap(Function<InetSocketAddress, Future<String>> request) {
        long start = System.nanoTime();
        List<String> responses = EventLoop.run(() ->
                Future.all(List.of(request.apply(server.address()), request.apply(server.address()))));
        assertOverlapped(Seconds.since(start));
        assertEquals(List.of(OK, OK), responses.stream().map(RawHttp::summary).toList());
    }

    /** Two 1 s requests that overlap: at least one delay, clearly less than two. */
    private static void assertOverlapped(double seconds) {
        assertTrue(seconds >= 0.95 && seconds < 1.8, "two concurrent requests took " + seconds + " s");
    }

    /** An address where nothing listens: a port that was free a moment ago. */
    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
        }
    }
}
