package dev.lasti.http;

import dev.lasti.net.LoopThread;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.Promise;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The defects of issue 12 ("tried as a new user would"), each as it was reported. */
class HttpDefectsTest {
    @Test
    void headerInjection_isRefused_onEveryPath() {
        HttpResponse response = HttpResponse.ok("x");
        assertThrows(UnsupportedOperationException.class,
                () -> response.headers().set("X-A", "1\r\nSet-Cookie: evil=1"), "the handed-out headers are read-only");
        assertThrows(IllegalArgumentException.class, () -> response.header("X-A", "1\r\nSet-Cookie: evil=1"));
        assertThrows(IllegalArgumentException.class, () -> response.addHeader("X-A", "1\nx"));
        assertThrows(IllegalArgumentException.class, () -> response.header("", "1"), "empty name");
        assertThrows(IllegalArgumentException.class, () -> response.header("Set-Cookie: evil", "1"), "colon, space");
        assertThrows(IllegalArgumentException.class, () -> response.header("X-A", "a\u0000b"), "NUL");
        assertThrows(IllegalArgumentException.class, () -> response.header("X-A", "a\u0007b"), "control");
        assertThrows(IllegalArgumentException.class, () -> response.header("X-A", "\u20ac"), "outside Latin-1");
        HttpHeaders headers = new HttpHeaders();
        assertThrows(IllegalArgumentException.class, () -> headers.set("X-A", "1\r\nSet-Cookie: evil=1"));
        assertThrows(IllegalArgumentException.class, () -> headers.add("X A", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> headers.add("X-A", "a\rb"));
        assertTrue(e.getMessage().contains("X-A") && e.getMessage().contains("\\u000d"), e.getMessage());
        assertEquals("a\tb c\u00e9", response.header("X-A", "a\tb c\u00e9").headers().first("X-A").orElseThrow());
    }

    @Test
    void withStatus_andHeader_returnCopies_leavingASharedResponseAlone() {
        HttpResponse shared = HttpResponse.ok("same");
        HttpResponse created = shared.withStatus(201).header("X-A", "1");
        assertEquals(200, shared.statusCode());
        assertFalse(shared.headers().contains("X-A"));
        assertEquals(201, created.statusCode());
        assertEquals("same", new String(created.bodyBytes(), US_ASCII));
        byte[] bytes = {1, 2};
        HttpResponse binary = HttpResponse.status(200).body(bytes);
        bytes[0] = 9;
        binary.bodyBytes()[1] = 9;
        assertEquals(List.of((byte) 1, (byte) 2), List.of(binary.bodyBytes()[0], binary.bodyBytes()[1]));
    }

    @Test
    void bareLfHead_gets400_atOnce() throws Exception {
        try (TestServer server = new TestServer(); Socket s = server.connect()) { // 10 s header timeout
            long start = System.nanoTime();
            s.getOutputStream().write("GET / HTTP/1.1\nHost: x\n\n".getBytes(US_ASCII));
            String response = TestServer.readToClose(s);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(millis < 3_000, "answered after " + millis + " ms");
        }
    }

    @Test
    void missingHost_inHttp11_gets400_butHttp10_needsNone() throws Exception {
        try (TestServer server = new TestServer()) {
            assertTrue(server.exchange("GET / HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertTrue(server.exchange("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertTrue(server.exchange("GET /old HTTP/1.0\r\n\r\n").endsWith("ok GET /old"));
        }
    }

    @Test
    void everyResponse_hasADateHeader() throws Exception {
        try (TestServer server = new TestServer()) {
            String response = server.goodGet();
            assertTrue(response.matches("(?s).*\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"),
                    response);
        }
    }

    @Test
    void errorPageHook_rendersTheHandlersFailure() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withErrorPage((status, request, failure) ->
                HttpResponse.status(200).body("oops " + status + " on " + request.path() + ": " + failure.getMessage()));
        try (TestServer server = new TestServer(options)) {
            String response = server.exchange("GET /fail HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 500 "), "the status stays 500: " + response);
            assertTrue(response.endsWith("oops 500 on /fail: test handler failure"), response);
        }
    }

    @Test
    void clientLeavingWhileItsHandlerRuns_cancelsTheHandler() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        HttpHandler never = request -> {
            Promise<HttpResponse> p = new Promise<>();
            p.whenDone(f -> {
                if (f.isCancelled()) {
                    cancelled.countDown();
                }
            });
            return p;
        };
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), never)) {
            for (int i = 0; i < 3; i++) {
                try (Socket s = server.connect()) {
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                    Thread.sleep(100);
                }
            }
            assertTrue(cancelled.await(5, TimeUnit.SECONDS), "the handler's future was cancelled");
        }
    }

    @Test
    void handlerTimeout_gets503_andTheConnectionServesOn() throws Exception {
        HttpHandler slowOnce = request -> request.path().equals("/hang") ? new Promise<>()
                : Future.completed(HttpResponse.ok("fast"));
        HttpServerOptions options = HttpServerOptions.defaults().withHandlerTimeout(Duration.ofMillis(200));
        try (TestServer server = new TestServer(options, slowOnce); Socket s = server.connect()) {
            s.getOutputStream().write("GET /hang HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            String timedOut = TestServer.readResponse(s.getInputStream());
            assertTrue(timedOut.startsWith("HTTP/1.1 503 "), timedOut);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("fast"));
        }
    }

    /** Closing from another thread used to be refused; it now hands the close to the loop, and works. */
    @Test
    void closingOffTheLoopThread_handsTheCloseToTheLoop() throws Exception {
        LoopThread lt = new LoopThread("http-thread-check");
        try {
            HttpServer server = lt.call(() -> HttpServer.bind(0, TestServer::route));
            try (Socket idle = new Socket("127.0.0.1", server.port())) {
                idle.setSoTimeout(10_000);
                idle.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                TestServer.readResponse(idle.getInputStream());
                Future<Void> drained = server.closeGracefully(Duration.ofSeconds(10)); // on the test thread
                assertEquals(-1, idle.getInputStream().read(), "the idle keep-alive connection was closed");
                drained.toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            server.close(); // idempotent, from any thread
        } finally {
            lt.close();
        }
    }

    @Test
    void repeatedQueryParameters_areAllReachable_andFormBodiesParsed() throws Exception {
        HttpRequest request = new HttpRequest(RequestParser.parse(("POST /s?tag=a&tag=b%20c&x HTTP/1.1\r\nHost: t\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n\r\n").getBytes(US_ASCII)),
                "name=J%C3%BCrg+M&tag=z&name=2".getBytes(US_ASCII), null);
        assertEquals(List.of("a", "b c"), request.queryParameters("tag"));
        assertEquals("", request.queryParameter("x").orElseThrow());
        assertEquals(List.of("J\u00fcrg M", "2"), request.formParameters("name"));
        assertEquals(List.of(), request.queryParameters("none"));
    }
}
