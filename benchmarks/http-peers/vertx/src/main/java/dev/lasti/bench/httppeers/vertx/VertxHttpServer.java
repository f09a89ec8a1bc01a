package dev.lasti.bench.httppeers.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Vert.x 5 peer of lasti's {@code HttpBench} hello route: {@code vertx.createHttpServer().requestHandler(...)}
 * on the JDK NIO transport ({@code setPreferNativeTransport(false)}; the native transports are not on the
 * classpath either), answering {@code GET /} with the bytes lasti's server sends:
 *
 * <pre>
 * HTTP/1.1 200 OK
 * Content-Type: text/plain; charset=utf-8
 * Date: (IMF-fixdate, formatted once a second per event loop thread, as lasti does)
 * Content-Length: 13
 *
 * Hello, world
 * </pre>
 *
 * <p>The headers are set explicitly, in lasti's spelling (Vert.x would otherwise write its own lower-case
 * {@code content-length}); any other path gets a 404 with an empty body. Keep-alive is Vert.x's default.
 *
 * <p>Event loops: {@code VertxOptions.setEventLoopPoolSize(loops)} and {@code loops} instances of one verticle,
 * each with its own {@code HttpServer} on the same port. Vert.x gives each instance its own event loop and
 * shares one listening socket between them, handing accepted connections round-robin to the instances, so
 * requests are served on exactly {@code loops} event loop threads. Vert.x also starts threads that serve no
 * request: the acceptor loop that takes new connections off the listening socket, the blocked-thread checker,
 * and worker threads only when blocking code is run (none is here).
 *
 * <p>Usage: {@code VertxHttpServer PORT [BACKLOG [LOOPS]]} (defaults 16,384 and 1). Binds 127.0.0.1, prints
 * {@code listening PORT} once every instance listens, like {@code HttpBench}, and serves until killed.
 */
public final class VertxHttpServer {
    static final Buffer HELLO = Buffer.buffer("Hello, world\n".getBytes(StandardCharsets.UTF_8));
    static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    static final CharSequence DATE = HttpHeaders.createOptimized("Date");
    static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");
    static final CharSequence HELLO_LENGTH = HttpHeaders.createOptimized(Integer.toString(HELLO.length()));
    static final CharSequence ZERO = HttpHeaders.createOptimized("0");

    /** RFC 9110 IMF-fixdate, the format of lasti's Date header. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The Date value of the current second, per event loop thread. */
    private static final ThreadLocal<DateCache> DATES = ThreadLocal.withInitial(DateCache::new);

    private VertxHttpServer() {}

    /** The second a Date value was formatted for, and the value. */
    private static final class DateCache {
        long second = Long.MIN_VALUE;
        CharSequence value;

        CharSequence now() {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                second = now;
                value = HttpHeaders.createOptimized(IMF_FIXDATE.format(Instant.ofEpochSecond(now)));
            }
            return value;
        }
    }

    /** One instance per event loop; each binds its own {@code HttpServer} to the shared port. */
    static final class Hello extends VerticleBase {
        private final HttpServerOptions options;

        Hello(HttpServerOptions options) {
            this.options = options;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(Hello::handle).listen();
        }

        static void handle(HttpServerRequest request) {
            if ("/".equals(request.uri())) {
                request.response()
                        .putHeader(CONTENT_TYPE, TEXT_PLAIN)
                        .putHeader(DATE, DATES.get().now())
                        .putHeader(CONTENT_LENGTH, HELLO_LENGTH)
                        .end(HELLO);
            } else {
                request.response()
                        .setStatusCode(404)
                        .putHeader(DATE, DATES.get().now())
                        .putHeader(CONTENT_LENGTH, ZERO)
                        .end();
            }
        }
    }

    /** Vert.x's version, from the resource vertx-core ships it in. */
    static String version() {
        try (InputStream in = Vertx.class.getResourceAsStream("/META-INF/vertx/vertx-version.txt")) {
            return in == null ? "?" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 16_384;
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(false));
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setAcceptBacklog(backlog)
                .setTcpNoDelay(true); // lasti sets it on every connection too
        vertx.deployVerticle(() -> new Hello(options), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> {
                    System.out.println("vert.x " + version() + ", " + loops
                            + " event loop(s), native transport " + vertx.isNativeTransportEnabled()
                            + ", backlog " + backlog);
                    System.out.println("listening " + port);
                })
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
