package dev.lasti.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lasti.net.TlsFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP server over TLS ({@link HttpServerOptions#withTls}), against the JDK's HttpClient. */
class HttpsTest {
    private static final HttpServerOptions TLS =
            HttpServerOptions.defaults().withTls(TlsFixture.LOCALHOST.serverContext());

    @Test
    void jdkHttpClient_getsAndPostsOverTls_onOneKeptAliveConnection() throws Exception {
        try (TestServer server = new TestServer(TLS)) {
            HttpClient client = HttpClient.newBuilder().sslContext(TlsFixture.LOCALHOST.clientContext())
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            URI base = URI.create("https://localhost:" + server.port());
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(base.resolve("/port")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> echoed = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("sealed in TLS")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(base.resolve("/port")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertEquals("sealed in TLS", echoed.body());
            // /port answers the client's port: the same one both times means the connection was kept alive
            assertEquals(first.body(), again.body());
        }
    }

    @Test
    void plainHttpToTheTlsPort_getsNoResponse() throws Exception {
        try (TestServer server = new TestServer(TLS)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                    .timeout(Duration.ofSeconds(20)).build();
            assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
    }
}
