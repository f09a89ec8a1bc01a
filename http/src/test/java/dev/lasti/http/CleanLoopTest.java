package dev.lasti.http;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.Future;
import dev.lasti.junit.AsyncTest;
import dev.lasti.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server on the test's own loop, under lasti-junit, which fails a test that leaves a failed future
 * nobody retrieved or a task suspended: every way a connection ends must clean up after itself.
 */
class CleanLoopTest {
    @AsyncTest(realTime = true)
    @Async
    Future<Void> connectionsEndingEveryWay_leaveNoUnretrievedFailure() {
        HttpServer server = HttpServer.bind(0, TestServer::route);
        assertTrue(await(exchange(server, "GET /a HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")).endsWith("ok GET /a"));
        assertTrue(await(exchange(server, "GET /b HTTP/1.0\r\n\r\n")).endsWith("ok GET /b"));
        assertTrue(await(exchange(server, "GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 "));
        assertTrue(await(exchange(server, "GET /fail HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 500 "));
        TcpStream kept = await(TcpStream.connect(server.localAddress(), Duration.ofSeconds(5)));
        await(kept.write("GET /c HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        await(kept.read(4096));
        kept.close(); // the client leaves a kept-alive connection
        await(server.closeGracefully(Duration.ofSeconds(2)));
        return Future.completed(null);
    }

    @Async
    private static Future<String> exchange(HttpServer server, String request) {
        TcpStream client = await(TcpStream.connect(server.localAddress(), Duration.ofSeconds(5)));
        await(client.write(request.getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        for (byte[] chunk = await(client.read(4096)); chunk.length > 0; chunk = await(client.read(4096))) {
            response.writeBytes(chunk);
        }
        client.close();
        return Future.completed(response.toString(StandardCharsets.US_ASCII));
    }
}
