package dev.lasti.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Seed S1: a handler that sleeps 1 s on the loop, then answers {@code Hello, world}. The loop serves other
 * requests while one sleeps, so two concurrent requests take about 1 s, and two sequential ones 2 s.
 * Driven by real clients: the JDK {@link HttpClient} and {@code curl}.
 */
class SlowServerTest {
    private static final String HELLO = "Hello, world\n";

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void twoConcurrentRequests_finishInAboutOneSecond() throws Exception {
        try (TestServer server = new TestServer()) {
            HttpClient client = client();
            long start = System.nanoTime();
            List<CompletableFuture<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(client.sendAsync(get(server.url("/slow")), BodyHandlers.ofString()));
            }
            for (var call : calls) {
                var response = call.get(10, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals(HELLO, response.body());
            }
            long millis = elapsedMillis(start);
            assertTrue(millis >= 950 && millis < 1_800, "two concurrent requests took " + millis + " ms");
        }
    }

    @Test
    void twoSequentialRequests_takeTwoSeconds_onOneKeptAliveConnection() throws Exception {
        try (TestServer server = new TestServer()) {
            HttpClient client = client();
            long start = System.nanoTime();
            for (int i = 0; i < 2; i++) {
                var response = client.send(get(server.url("/slow")), BodyHandlers.ofString());
                assertEquals(HELLO, response.body());
            }
            long millis = elapsedMillis(start);
            assertTrue(millis >= 2_000, "two sequential requests took " + millis + " ms");

            // Keep-alive: the client reuses its connection, so the server sees the same client port.
            String first = client.send(get(server.url("/port")), BodyHandlers.ofString()).body();
            String second = client.send(get(server.url("/port")), BodyHandlers.ofString()).body();
            assertEquals(first, second, "the HttpClient reused its kept-alive connection");
        }
    }

    @Test
    void curl_getsHelloWorld_concurrentlyAndOverOneConnection() throws Exception {
        Assumptions.assumeTrue(curlInstalled(), "curl is not installed; install it (Debian package curl)");
        try (TestServer server = new TestServer()) {
            long start = System.nanoTime();
            Process a = curl(server.url("/slow"));
            Process b = curl(server.url("/slow"));
            assertEquals(HELLO, output(a));
            assertEquals(HELLO, output(b));
            long millis = elapsedMillis(start);
            assertTrue(millis < 1_800, "two concurrent curls took " + millis + " ms");

            // curl with two URLs on one command line reuses the connection for the second one.
            Process both = curl(server.url("/port"), server.url("/port"));
            String ports = output(both);
            assertEquals(ports.substring(0, ports.length() / 2), ports.substring(ports.length() / 2), ports);
        }
    }

    private static Process curl(String... urls) throws IOException {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "10"));
        command.addAll(List.of(urls));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, p.exitValue(), "curl failed: " + out);
        return out;
    }

    private static boolean curlInstalled() {
        try {
            Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
