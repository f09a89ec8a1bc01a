package dev.lasti.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken requests: each gets its status (or a close) while a well-behaved client on another
 * connection is served at the same time.
 */
class HttpBadInputTest {
    private static final HttpServerOptions SMALL = HttpServerOptions.defaults()
            .withMaxHeaderBytes(1024).withMaxBodyBytes(1000).withHeaderTimeout(Duration.ofMillis(300));

    @Test
    void malformedRequestLine_gets400() throws Exception {
        assertRefused("GARBAGE\r\n\r\n", 400);
        assertRefused("GET /a b HTTP/1.1\r\nHost: t\r\n\r\n", 400);
        assertRefused("GET /\tHTTP/1.1\r\nHost: t\r\n\r\n", 400);
    }

    @Test
    void malformedHeaders_get400() throws Exception {
        assertRefused("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1\r\nHost: t\r\nNoColon\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1\nHost: x\r\n\r\n", 400);
    }

    @Test
    void oversizedHeaders_get431() throws Exception {
        assertRefused("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(4096) + "\r\n\r\n", 431);
    }

    @Test
    void oversizedBody_gets413() throws Exception {
        assertRefused("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(2000), 413);
    }

    @Test
    void contentLengthWithTransferEncoding_gets400() throws Exception {
        assertRefused("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello", 400);
    }

    @Test
    void invalidContentLength_gets400() throws Exception {
        assertRefused("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n", 400);
        assertRefused("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400);
    }

    @Test
    void unknownTransferEncoding_gets501() throws Exception {
        assertRefused("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
    }

    @Test
    void badVersion_gets505() throws Exception {
        assertRefused("GET / HTTP/2.0\r\n\r\n", 505);
        assertRefused("GET / HTTP/1.2\r\n\r\n", 505);
    }

    /** The request was read whole, so the connection is still in step: a 500, and the next request served. */
    @Test
    void handlerFailure_gets500_andTheConnectionServesTheNextRequest() throws Exception {
        try (TestServer server = new TestServer(SMALL); Socket s = server.connect()) {
            s.getOutputStream().write("GET /fail HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            String failed = TestServer.readResponse(s.getInputStream());
            assertTrue(failed.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), failed);
            assertTrue(!failed.contains("Connection: close"), failed);
            s.getOutputStream().write("GET /after HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("ok GET /after"));
        }
    }

    @Test
    void clientStoppingMidRequest_isClosedByTheHeaderTimeout() throws Exception {
        try (TestServer server = new TestServer(SMALL); Socket slow = server.connect()) {
            long start = System.nanoTime();
            slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: slo".getBytes(US_ASCII));
            assertGoodClientServed(server);
            assertEquals(-1, slow.getInputStream().read(), "closed without a response");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 5_000, "closed after " + millis + " ms");
        }
    }

    @Test
    void clientStoppingMidBody_isClosedByTheBodyTimeout() throws Exception {
        try (TestServer server = new TestServer(SMALL.withBodyTimeout(Duration.ofMillis(300)));
                Socket slow = server.connect()) {
            slow.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc".getBytes(US_ASCII));
            assertGoodClientServed(server);
            assertEquals(-1, slow.getInputStream().read(), "closed without a response");
        }
    }

    @Test
    void clientSilentAfterConnecting_isClosedByTheHeaderTimeout() throws Exception {
        try (TestServer server = new TestServer(SMALL); Socket silent = server.connect()) {
            assertGoodClientServed(server);
            assertEquals(-1, silent.getInputStream().read());
        }
    }

    @Test
    void clientDisconnectingMidResponse_leavesTheServerServing() throws Exception {
        try (TestServer server = new TestServer()) {
            for (int i = 0; i < 3; i++) {
                Socket quitter = server.connect();
                quitter.getOutputStream().write("GET /big HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                InputStream in = quitter.getInputStream();
                assertTrue(new String(in.readNBytes(15), US_ASCII).startsWith("HTTP/1.1 200"));
                in.readNBytes(100_000); // part of the 32 MiB body, then leave
                quitter.setSoLinger(true, 0);
                quitter.close();
                assertGoodClientServed(server);
            }
        }
    }

    /** Sends {@code request} on one connection while a good client is served on another. */
    private static void assertRefused(String request, int status) throws Exception {
        try (TestServer server = new TestServer(SMALL); Socket bad = server.connect()) {
            OutputStream out = bad.getOutputStream();
            out.write(request.getBytes(US_ASCII));
            assertGoodClientServed(server);
            String response = TestServer.readToClose(bad);
            assertTrue(response.startsWith("HTTP/1.1 " + status + " "), request + " -> " + response);
            assertTrue(response.contains("\r\nContent-Length: 0\r\n"), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\n"), "no body: " + response);
        }
    }

    private static void assertGoodClientServed(TestServer server) throws Exception {
        String response = server.goodGet();
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.endsWith("ok GET /good"), response);
    }
}
