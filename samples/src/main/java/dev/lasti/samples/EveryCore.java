package dev.lasti.samples;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import dev.lasti.http.HttpRequest;
import dev.lasti.http.HttpResponse;
import dev.lasti.http.HttpServer;
import dev.lasti.http.HttpServerOptions;
import dev.lasti.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed S1's slow server on every core: the same {@code @Async} handler (await a sleep, then answer) served by
 * an {@link EventLoopGroup} of two loops, each accepting on its own {@code SO_REUSEPORT} socket. Twenty
 * clients at once, each on its own connection; every answer names the loop thread that served it, and a
 * connection's request and response stay on that one loop.
 */
public final class EveryCore {
    static final int CLIENTS = 20;
    static final Duration DELAY = Duration.ofMillis(300);

    private EveryCore() {}

    /** How many requests each loop thread served, and how long all of them took together. */
    record Result(Map<String, Integer> servedBy, Duration took) {}

    /** The handler: sleeps on whichever loop got the connection, then says which loop that was. */
    @Async
    static Future<HttpResponse> slowHello(HttpRequest request) {
        String before = Thread.currentThread().getName();
        await(EventLoop.sleep(DELAY));
        String after = Thread.currentThread().getName(); // the same loop: a task resumes on its own loop
        return Future.completed(HttpResponse.ok(before.equals(after) ? after : before + " then " + after));
    }

    /** One client: a fresh connection, one GET, the whole response; returns the body. */
    @Async
    static Future<String> get(InetSocketAddress server) {
        TcpStream stream = await(TcpStream.connect(server, Duration.ofSeconds(10)));
        try {
            await(stream.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(US_ASCII)));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            while (!RawHttp.isComplete(received)) {
                byte[] chunk = await(stream.read(4096));
                if (chunk.length == 0) {
                    break;
                }
                received.writeBytes(chunk);
            }
            return Future.completed(RawHttp.body(received.toString(US_ASCII)));
        } finally {
            stream.close();
        }
    }

    /** All the clients at once, from one client loop. */
    @Async
    static Future<Result> clients(InetSocketAddress server) {
        long t0 = System.nanoTime();
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            all.add(get(server));
        }
        Map<String, Integer> servedBy = new TreeMap<>();
        for (String body : await(Future.all(all))) {
            servedBy.merge(body, 1, Integer::sum);
        }
        return Future.completed(new Result(servedBy, Duration.ofNanos(System.nanoTime() - t0)));
    }

    static Result demo() {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            HttpServer server = HttpServer.bind(group, "127.0.0.1", 0, EveryCore::slowHello,
                    HttpServerOptions.defaults());
            return EventLoop.run(() -> clients(server.localAddress()));
        }
    }

    static String run() {
        Result r = demo();
        return CLIENTS + " concurrent requests to one port, served by a group of 2 loops: " + r.servedBy()
                + "; each request sleeps " + DELAY.toMillis() + " ms, all done in "
                + String.format("%.2f s", r.took().toNanos() / 1e9);
    }
}
