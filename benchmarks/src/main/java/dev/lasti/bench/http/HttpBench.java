package dev.lasti.bench.http;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.http.HttpRequest;
import dev.lasti.http.HttpResponse;
import dev.lasti.http.HttpServer;
import dev.lasti.http.HttpServerOptions;
import java.time.Duration;

/**
 * The lasti side of the HTTP benchmark: one {@link HttpServer} on 127.0.0.1, on one loop thread (or on an
 * {@link EventLoopGroup} of {@code LOOPS} loops), serving the
 * same two routes as the Tornado peer ({@code benchmarks/tornado/server.py}), which is the seed's own app:
 *
 * <ul>
 *   <li>{@code /}: {@code Hello, world} at once (the keep-alive throughput workload);
 *   <li>{@code /sleep}: an {@code @Async} handler that awaits a 1 s {@link EventLoop#sleep}, then answers the
 *       same text (the seed's slow server, for the latency-against-connections workload).
 * </ul>
 *
 * <p>Usage: {@code HttpBench PORT [BACKLOG [LOOPS]]}. Without LOOPS it serves on one {@link EventLoop}, run
 * on the main thread; with it, on a group of that many loops ({@code HttpServer.bind(group, ...)}). It prints {@code listening PORT} once bound and serves until
 * killed; {@code benchmarks/sections/http.sh} drives it with {@code wrk}. The listen backlog (default 16,384,
 * the Tornado peer gets the same) must hold wrk's burst of 10,000 connects: handshakes that overflow it are
 * retried by the client a second or more later, and that wait counts as request latency. The blocked-loop
 * report is off: under such a burst one iteration legitimately runs for longer than its 100 ms default, and
 * its stack dumps would be measured.
 */
public final class HttpBench {
    static final String HELLO = "Hello, world\n";
    static final Duration DELAY = Duration.ofSeconds(1);

    private HttpBench() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 16_384;
        HttpServerOptions options = HttpServerOptions.defaults().withBacklog(backlog);
        if (args.length > 2) {
            serveOnGroup(Integer.parseInt(args[2]), port, options);
            return;
        }
        EventLoop loop = loop();
        loop.runUntilComplete(() -> {
            HttpServer server = HttpServer.bind("127.0.0.1", port, HttpBench::route, options);
            System.out.println("listening " + server.port());
            return new Promise<Void>(); // never completes: the section kills the process
        });
    }

    /** LOOPS loops, each accepting on its own SO_REUSEPORT socket; the group's threads keep the JVM alive. */
    private static void serveOnGroup(int loops, int port, HttpServerOptions options) {
        EventLoopGroup group = EventLoopGroup.start(loops, i -> loop());
        HttpServer server = HttpServer.bind(group, "127.0.0.1", port, HttpBench::route, options);
        System.out.println("listening " + server.port());
    }

    private static EventLoop loop() {
        return EventLoop.builder().blockedThreshold(Duration.ZERO).build();
    }

    /** Routes by path like the peer's {@code tornado.web.Application}; anything else is a 404. */
    static Future<HttpResponse> route(HttpRequest request) {
        switch (request.path()) {
            case "/":
                return Future.completed(HttpResponse.ok(HELLO));
            case "/sleep":
                return sleep(request);
            default:
                return Future.completed(HttpResponse.status(404));
        }
    }

    /** The seed's handler: suspends for {@link #DELAY} on the loop without holding a thread, then answers. */
    @Async
    static Future<HttpResponse> sleep(HttpRequest request) {
        await(EventLoop.sleep(DELAY));
        return Future.completed(HttpResponse.ok(HELLO));
    }
}
