package dev.lasti.http;

import dev.lasti.net.LoopThread;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * An HttpServer on its own loop thread with a few routes, and a raw-socket client for requests that no
 * well-behaved client would send.
 */
final class TestServer implements AutoCloseable {
    /** Bytes of the {@code /big} response: far more than the socket buffers hold. */
    static final int BIG = 32 * 1024 * 1024;

    private final LoopThread lt = new LoopThread("http-test-server");
    private final HttpServer server;

    TestServer(HttpServerOptions options) {
        this(options, TestServer::route);
    }

    TestServer(HttpServerOptions options, HttpHandler handler) {
        server = lt.call(() -> HttpServer.bind("127.0.0.1", 0, handler, options));
    }

    TestServer() {
        this(HttpServerOptions.defaults());
    }

    /** Routes: /slow sleeps 1 s (seed S1), /fail throws, /big is 32 MiB, /echo returns the body. */
    static Future<HttpResponse> route(HttpRequest request) {
        switch (request.path()) {
            case "/slow":
                return LoopThread.then(EventLoop.sleep(Duration.ofSeconds(1)),
                        slept -> Future.completed(HttpResponse.ok("Hello, world\n")));
            case "/fail":
                throw new IllegalStateException("test handler failure");
            case "/big":
                return Future.completed(HttpResponse.status(200).body(new byte[BIG]));
            case "/echo":
                return Future.completed(HttpResponse.status(200).body(request.body()));
            case "/worker": // completes on a worker thread: the server must move back onto its loop
                return LoopThread.then(EventLoop.blocking(() -> "from a worker"),
                        text -> Future.completed(HttpResponse.ok(text)));
            case "/port":
                return Future.completed(HttpResponse.ok(Integer.toString(request.remoteAddress().getPort())));
            default:
                return Future.completed(HttpResponse.ok("ok " + request.method() + " " + request.target()));
        }
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends {@code request} on a fresh connection and returns everything the server sends until it closes. */
    String exchange(String request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request.getBytes(US_ASCII));
            return readToClose(s);
        }
    }

    /** A well-behaved one-shot GET; returns the whole response. */
    String goodGet() throws IOException {
        return exchange("GET /good HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    }

    static String readToClose(Socket s) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close; got so far: " + all.toString(US_ASCII), e);
        }
        return all.toString(US_ASCII);
    }

    /** Reads one response with a Content-Length body from a kept-alive connection. */
    static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("connection closed after: " + head);
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), US_ASCII);
    }

    @Override
    public void close() throws Exception {
        lt.await(() -> server.closeGracefully(Duration.ofSeconds(1)), Duration.ofSeconds(10));
        lt.close();
    }
}
