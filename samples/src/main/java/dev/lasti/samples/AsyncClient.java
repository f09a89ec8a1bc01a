package dev.lasti.samples;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.net.TcpStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * S4 (seed 000): the same client as one {@code @Async} method over non-blocking sockets. It reads like the
 * blocking client (S2) and runs like the callback client (S3): two requests take one delay. The seed's
 * coroutine version:
 *
 * <pre>
 * def request(selector):
 *     ...
 *     selector.register(sock.fileno(), selectors.EVENT_WRITE, data=fut)
 *     yield fut
 *     sock.send(b"GET / HTTP/1.1\r\n\r\n")
 *     ...
 *     yield fut
 *     data = sock.recv(CHUNK_SIZE)
 *
 * Task(request(selector)).step()
 * Task(request(selector)).step()
 * </pre>
 */
public final class AsyncClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private AsyncClient() {}

    /** One request, straight-line: each {@code await} gives the loop to the other request meanwhile. */
    @Async
    static Future<String> request(InetSocketAddress server) {
        TcpStream stream = await(TcpStream.connect(server, CONNECT_TIMEOUT));
        try {
            await(stream.write(RawHttp.REQUEST));
            String head = new String(await(stream.readUntil(RawHttp.HEAD_END, RawHttp.MAX_HEAD)), US_ASCII);
            byte[] body = await(stream.readExactly(RawHttp.contentLength(head)));
            return Future.completed(head + new String(body, UTF_8));
        } finally {
            stream.close();
        }
    }

    /** Two requests on one loop, started before either is awaited. */
    @Async
    static Future<List<String>> twoRequests(InetSocketAddress server) {
        Future<String> first = request(server);
        Future<String> second = request(server);
        return Future.completed(List.of(await(first), await(second)));
    }

    /** Runs {@link #twoRequests} against the slow server and times it. */
    public static String run() {
        try (SlowServer server = SlowServer.start()) {
            long start = System.nanoTime();
            List<String> responses = EventLoop.run(() -> twoRequests(server.address()));
            return String.format("2 requests, concurrent with @Async: %.2f s; %s, %s", Seconds.since(start),
                    RawHttp.summary(responses.get(0)), RawHttp.summary(responses.get(1)));
        }
    }
}
