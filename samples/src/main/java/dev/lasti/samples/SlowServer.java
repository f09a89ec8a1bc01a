package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.http.HttpRequest;
import dev.lasti.http.HttpResponse;
import dev.lasti.http.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * S1 (seed 000): an HTTP server whose handler sleeps 1 s on the loop, then answers {@code Hello, world}.
 * The loop serves other requests while a handler sleeps. The seed's Tornado server:
 *
 * <pre>
 * class MainHandler(tornado.web.RequestHandler):
 *     &#64;tornado.gen.coroutine
 *     def get(self):
 *         yield tornado.gen.sleep(1)
 *         self.write("Hello, world\n")
 * </pre>
 *
 * The client samples (S2, S3, S4, S9, S10) start one in-process on 127.0.0.1 and a free port, on its own
 * loop thread, and close it when they are done.
 */
public final class SlowServer implements AutoCloseable {
    /** How long each request sleeps before the answer, as in the seed. */
    static final Duration DELAY = Duration.ofSeconds(1);
    static final String HELLO = "Hello, world\n";

    private final BackgroundLoop loop;
    private final HttpServer server;

    private SlowServer(BackgroundLoop loop, HttpServer server) {
        this.loop = loop;
        this.server = server;
    }

    /** The handler: straight-line code, suspended for {@link #DELAY} without holding any thread. */
    @Async
    static Future<HttpResponse> hello(HttpRequest request) {
        await(EventLoop.sleep(DELAY));
        return Future.completed(HttpResponse.ok(HELLO));
    }

    /** Starts a server on 127.0.0.1 and a free port, on a new loop thread. */
    public static SlowServer start() {
        BackgroundLoop loop = new BackgroundLoop("slow-server");
        try {
            return new SlowServer(loop, loop.call(() -> HttpServer.bind(0, SlowServer::hello)));
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    /**
     * Serves on 127.0.0.1 at {@code port} until the process is interrupted, as the seed's
     * {@code application.listen(8888)} and {@code IOLoop.current().start()} do; {@code time curl
     * localhost:8888} from another shell then shows the seed's one second.
     */
    public static void serve(int port) {
        EventLoop.create().runUntilComplete(() -> {
            HttpServer server = HttpServer.bind(port, SlowServer::hello);
            System.out.println("slow-server on http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops it)");
            return new dev.lasti.Promise<Void>(); // never completes
        });
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** Finishes the requests in progress (for up to 2 s), then stops the loop thread. */
    @Override
    public void close() {
        try {
            loop.await(() -> server.closeGracefully(Duration.ofSeconds(2)));
        } finally {
            loop.close();
        }
    }

    /** Three concurrent GETs from the JDK {@link HttpClient}: all three answered in about one delay. */
    public static String run() {
        try (SlowServer server = start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            List<CompletableFuture<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri()).build(),
                        BodyHandlers.ofString()));
            }
            Set<String> bodies = new TreeSet<>();
            for (CompletableFuture<java.net.http.HttpResponse<String>> call : calls) {
                bodies.add("\"" + call.join().body().strip() + "\"");
            }
            return String.format("3 concurrent GETs, all answered %s in %.2f s; each handler slept %.0f s on"
                    + " one loop thread", String.join(" or ", bodies), Seconds.since(start),
                    DELAY.toMillis() / 1000.0);
        }
    }
}
