package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.http.BodySink;
import dev.lasti.http.HttpHandler;
import dev.lasti.http.HttpRequest;
import dev.lasti.http.HttpResponse;
import dev.lasti.http.HttpServer;
import dev.lasti.http.HttpServerOptions;
import dev.lasti.http.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A small web app on a {@link Router} (Tornado's {@code Application}): a page with a form, the form's
 * target, a path parameter, a streamed response, an upload read in pieces, and server-sent events.
 * {@code java -jar samples/target/lasti-samples.jar web-app --port 8888} serves it until interrupted;
 * without {@code --port} the tour starts it on a free port and tries each route once.
 */
public final class WebApp {
    private static final String PAGE = "<!doctype html><title>lasti</title><h1>lasti web app</h1>"
            + "<form method=post action=/greet><input name=name value=Ada><button>greet</button></form>"
            + "<p><a href=/hello/world>/hello/world</a> <a href=/count>/count</a> <a href=/events>/events</a>"
            + "<p><code>curl -T file http://localhost:PORT/upload</code>";

    private WebApp() {}

    /** The routes. */
    static HttpHandler app() {
        return new Router()
                .get("/", request -> Future.completed(HttpResponse.ok(PAGE)
                        .header("Content-Type", "text/html; charset=utf-8")))
                .post("/greet", request -> Future.completed(
                        HttpResponse.ok("Hello, " + request.formParameter("name").orElse("stranger") + "\n")))
                .get("/hello/{who}", request -> Future.completed(
                        HttpResponse.ok("Hello, " + request.pathParameter("who").orElseThrow() + "\n")))
                .get("/count", request -> Future.completed(HttpResponse.ok("").body(WebApp::count)))
                .get("/events", request -> Future.completed(HttpResponse.status(200)
                        .header("Content-Type", "text/event-stream").header("Cache-Control", "no-store")
                        .body(WebApp::events)))
                .put("/upload", HttpHandler.streaming(WebApp::upload))
                .post("/upload", HttpHandler.streaming(WebApp::upload));
    }

    /** A streamed response: ten lines, 100 ms apart, each sent when written. */
    @Async
    static Future<Void> count(BodySink out) {
        for (int i = 1; i <= 10; i++) {
            await(out.write(i + "\n"));
            await(EventLoop.sleep(Duration.ofMillis(100)));
        }
        return Future.completed(null);
    }

    /** Server-sent events: a tick a second, five times. */
    @Async
    static Future<Void> events(BodySink out) {
        for (int i = 1; i <= 5; i++) {
            await(out.write("event: tick\ndata: " + i + "\n\n"));
            await(EventLoop.sleep(Duration.ofSeconds(1)));
        }
        return Future.completed(null);
    }

    /** An upload read in pieces as it arrives, never held whole. */
    @Async
    static Future<HttpResponse> upload(HttpRequest request) {
        long total = 0;
        for (byte[] piece = await(request.bodyStream().read()); piece.length > 0;
                piece = await(request.bodyStream().read())) {
            total += piece.length;
        }
        return Future.completed(HttpResponse.ok("received " + total + " bytes\n"));
    }

    /** Serves on {@code port} (all interfaces' loopback only: 127.0.0.1) until the process is interrupted. */
    public static void serve(int port) {
        HttpServerOptions options = HttpServerOptions.defaults().withMaxBodyBytes(1 << 30).withAccessLog(true);
        EventLoop.create().runUntilComplete(() -> {
            HttpServer server = HttpServer.bind("127.0.0.1", port, app(), options);
            System.out.println("web-app on http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops it)");
            return new dev.lasti.Promise<Void>(); // never completes
        });
    }

    /** The tour's self-check: each route once, from the JDK HttpClient. */
    public static String run() {
        try (BackgroundLoop loop = new BackgroundLoop("web-app")) {
            HttpServer server = loop.call(() -> HttpServer.bind(0, app()));
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String greet = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/greet"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=Ada")).build(),
                    BodyHandlers.ofString()).body().strip();
            String count = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/count")).build(),
                    BodyHandlers.ofString()).body().replace('\n', ' ').strip();
            String upload = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/upload"))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20])).build(),
                    BodyHandlers.ofString()).body().strip();
            int missing = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                    BodyHandlers.discarding()).statusCode();
            loop.await(() -> server.closeGracefully(Duration.ofSeconds(2)));
            return "POST /greet: \"" + greet + "\"; streamed /count: " + count + "; PUT /upload of 1 MiB: \""
                    + upload + "\"; /nope: " + missing;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
