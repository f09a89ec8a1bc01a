package dev.lasti.http;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Chunked request bodies (decoded, limited, timed) and streaming request bodies with a late 100 Continue. */
class RequestBodyTest {
    private static final HttpServerOptions SMALL = HttpServerOptions.defaults().withMaxBodyBytes(1000)
            .withBodyTimeout(Duration.ofMillis(300));

    @Test
    void chunkedBody_isDecoded_trailersDropped_andTheConnectionKeptAlive() throws Exception {
        try (TestServer server = new TestServer(SMALL); Socket s = server.connect()) {
            s.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\nX-Checksum: 1\r\n\r\n").getBytes(US_ASCII));
            String response = TestServer.readResponse(s.getInputStream());
            assertTrue(response.contains("\r\nContent-Length: 11\r\n") && response.endsWith("hello world"), response);
            s.getOutputStream().write("GET /next HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("ok GET /next"));
        }
    }

    @Test
    void chunkedBody_overTheLimit_gets413_andMalformedChunks_get400() throws Exception {
        try (TestServer server = new TestServer(SMALL)) {
            String big = "3e8\r\n" + "x".repeat(1000) + "\r\n1\r\ny\r\n0\r\n\r\n";
            assertTrue(server.exchange(chunked(big)).startsWith("HTTP/1.1 413 "));
            assertTrue(server.exchange(chunked("zz\r\nhello\r\n0\r\n\r\n")).startsWith("HTTP/1.1 400 "));
            assertTrue(server.exchange(chunked("5\r\nhelloXY0\r\n\r\n")).startsWith("HTTP/1.1 400 "));
            assertTrue(server.exchange(chunked("5\nhello\r\n0\r\n\r\n")).startsWith("HTTP/1.1 400 "), "bare LF");
            assertTrue(server.exchange("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                    .startsWith("HTTP/1.1 501 "));
            assertTrue(server.exchange("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                    .startsWith("HTTP/1.1 400 "));
        }
    }

    @Test
    void trailers_overTheHeaderLimit_get431_andMalformedOnes_get400() throws Exception {
        try (TestServer server = new TestServer(SMALL.withMaxHeaderBytes(200))) {
            String oneLong = "0\r\nX-Big: " + "x".repeat(200) + "\r\n\r\n";
            assertTrue(server.exchange(chunked("5\r\nhello\r\n" + oneLong)).startsWith("HTTP/1.1 431 "), "one long");
            String many = "0\r\n" + "X-Small: 12345678\r\n".repeat(12) + "\r\n"; // 19 B each, 228 B together
            assertTrue(server.exchange(chunked(many)).startsWith("HTTP/1.1 431 "), "many small");
            String fits = "0\r\n" + "X-Small: 12345678\r\n".repeat(9) + "\r\n"; // 171 B and the final CRLF
            assertTrue(server.exchange(chunked("2\r\nok\r\n" + fits)).startsWith("HTTP/1.1 200 "), "within the limit");
            assertTrue(server.exchange(chunked("0\r\nno colon here\r\n\r\n")).startsWith("HTTP/1.1 400 "), "no colon");
            assertTrue(server.exchange(chunked("0\r\nBad Name: v\r\n\r\n")).startsWith("HTTP/1.1 400 "), "bad name");
        }
    }

    @Test
    void chunkedBody_thatStops_isClosedByTheBodyTimeout() throws Exception {
        try (TestServer server = new TestServer(SMALL); Socket s = server.connect()) {
            long start = System.nanoTime();
            s.getOutputStream().write(chunked("5\r\nhel").getBytes(US_ASCII));
            assertEquals(-1, s.getInputStream().read(), "closed without a response");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 5_000, "closed after " + millis + " ms");
        }
    }

    @Async
    static Future<HttpResponse> countLater(HttpRequest request) {
        await(EventLoop.sleep(Duration.ofMillis(600))); // the client must not get its 100 Continue before this
        long total = 0;
        int pieces = 0;
        for (byte[] piece = await(request.bodyStream().read()); piece.length > 0;
                piece = await(request.bodyStream().read())) {
            total += piece.length;
            pieces++;
        }
        return Future.completed(HttpResponse.ok(total + " bytes in " + (pieces > 0 ? "pieces" : "none")));
    }

    @Test
    void streamingHandler_readsTheBodyInPieces_and100ContinueWaitsForItsFirstRead() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults();
        try (TestServer server = new TestServer(options, HttpHandler.streaming(RequestBodyTest::countLater));
                Socket s = server.connect()) {
            int size = 3 * 1024 * 1024;
            s.getOutputStream().write(("PUT /upload HTTP/1.1\r\nHost: t\r\nContent-Length: " + size
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(US_ASCII));
            InputStream in = s.getInputStream();
            s.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> fail("got " + new String(in.readNBytes(60), US_ASCII)),
                    "no 100 Continue before the handler reads");
            s.setSoTimeout(10_000);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(in.readNBytes(25), US_ASCII));
            s.getOutputStream().write(new byte[size]);
            String response = TestServer.readResponse(in);
            assertTrue(response.endsWith(size + " bytes in pieces"), response);
        }
    }

    private static String chunked(String body) {
        return "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body;
    }
}
