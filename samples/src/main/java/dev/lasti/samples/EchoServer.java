package dev.lasti.samples;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * S5 (seed 001): the TCP echo server twice: with callbacks ({@link CallbackEchoServer}) and as one
 * {@code @Async} handler per connection, where the read/write flip-flop becomes a plain loop. The seed
 * sets out to rebuild the server on coroutines; in its generator style the handler would read:
 *
 * <pre>
 * def handle(self, conn):
 *     while True:
 *         msg = yield from self.recv(conn, 1024)
 *         if not msg:
 *             break
 *         yield from self.sendall(conn, msg)
 * </pre>
 *
 * A hundred {@code @Async} clients, on the same loop thread as the server, check every echo byte for byte.
 */
public final class EchoServer {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private EchoServer() {}

    /** The {@code @Async} handler: the server closes the stream when this completes. */
    @Async
    static Future<Void> echo(TcpStream stream) {
        for (byte[] chunk; (chunk = await(stream.read(64 * 1024))).length > 0; ) {
            await(stream.write(chunk));
        }
        return Future.completed(null);
    }

    /** A client: sends {@code message}, half-closes, and returns everything echoed until the server closes. */
    @Async
    static Future<String> talk(InetSocketAddress server, String message) {
        TcpStream stream = await(TcpStream.connect(server, CONNECT_TIMEOUT));
        try {
            await(stream.write(message.getBytes(UTF_8)));
            await(stream.shutdownOutput());
            ByteArrayOutputStream echoed = new ByteArrayOutputStream();
            for (byte[] chunk; (chunk = await(stream.read(64 * 1024))).length > 0; ) {
                echoed.writeBytes(chunk);
            }
            return Future.completed(echoed.toString(UTF_8));
        } finally {
            stream.close();
        }
    }

    /** {@code clients} concurrent clients; returns how many got their own message back exactly. */
    @Async
    static Future<Integer> exactEchoes(InetSocketAddress server, int clients) {
        List<Future<String>> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            replies.add(talk(server, message(i)));
        }
        List<String> echoed = await(Future.all(replies));
        int exact = 0;
        for (int i = 0; i < clients; i++) {
            exact += echoed.get(i).equals(message(i)) ? 1 : 0;
        }
        return Future.completed(exact);
    }

    static String message(int client) {
        return "hello from client " + client + "\n";
    }

    /** Both servers, each on the current loop, each with {@code clients} concurrent clients. */
    @Async
    static Future<String> demo(int clients) {
        long start = System.nanoTime();
        int withCallbacks;
        try (CallbackEchoServer server = CallbackEchoServer.listen()) {
            withCallbacks = await(exactEchoes(server.address(), clients));
        }
        double callbackSeconds = Seconds.since(start);
        start = System.nanoTime();
        TcpServer server = TcpServer.listen(0, EchoServer::echo);
        int withAsync;
        try {
            withAsync = await(exactEchoes(server.localAddress(), clients));
        } finally {
            server.close();
        }
        return Future.completed(String.format("callbacks: %d/%d clients echoed exactly in %.2f s;"
                + " @Async handler: %d/%d in %.2f s; servers and clients on one loop thread",
                withCallbacks, clients, callbackSeconds, withAsync, clients, Seconds.since(start)));
    }

    /** Runs the demo with 100 clients per server. */
    public static String run() {
        return EventLoop.run(() -> demo(100));
    }
}
