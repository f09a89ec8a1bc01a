package dev.lasti.http;

import dev.lasti.net.LoopThread;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keep-alive, bodies and framing, with a raw socket so every byte on the wire is visible. */
class HttpServerTest {
    @Test
    void http11_keepsTheConnectionAlive_forSeveralRequests() throws Exception {
        try (TestServer server = new TestServer(); Socket s = server.connect()) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(("GET /n" + i + " HTTP/1.1\r\nHost: t\r\n\r\n").getBytes(US_ASCII));
                String response = TestServer.readResponse(in);
                assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
                assertTrue(response.endsWith("ok GET /n" + i), response);
                assertFalse(response.contains("Connection: close"), response);
            }
        }
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder() throws Exception {
        try (TestServer server = new TestServer(); Socket s = server.connect()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                batch.append("GET /p").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
            }
            s.getOutputStream().write(batch.toString().getBytes(US_ASCII));
            for (int i = 0; i < 50; i++) {
                assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("ok GET /p" + i));
            }
        }
    }

    @Test
    void handlerCompletingOnAWorkerThread_isAnsweredFromTheLoop() throws Exception {
        try (TestServer server = new TestServer(); Socket s = server.connect()) {
            for (int i = 0; i < 2; i++) {
                s.getOutputStream().write("GET /worker HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("from a worker"));
            }
        }
    }

    @Test
    void closeGracefully_closesIdleConnections_andFinishesTheRequestInProgress() throws Exception {
        LoopThread lt = new LoopThread("http-shutdown-test");
        try {
            HttpServer server = lt.call(() -> HttpServer.bind(0, TestServer::route));
            try (Socket idle = new Socket("127.0.0.1", server.port()); Socket busy = new Socket("127.0.0.1", server.port())) {
                idle.setSoTimeout(10_000);
                busy.setSoTimeout(10_000);
                idle.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                TestServer.readResponse(idle.getInputStream());
                busy.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                Thread.sleep(200); // the slow request is in its handler now

                long start = System.nanoTime();
                lt.await(() -> server.closeGracefully(Duration.ofSeconds(10)), Duration.ofSeconds(15));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 5_000, "did not wait for the timeout: " + millis + " ms");
                assertEquals(-1, idle.getInputStream().read(), "the idle connection was closed");
                String response = TestServer.readToClose(busy);
                assertTrue(response.contains("\r\nConnection: close\r\n"), response);
                assertTrue(response.endsWith("Hello, world\n"), response);
            }
        } finally {
            lt.close();
        }
    }

    @Test
    void connectionClose_isHonoured() throws Exception {
        try (TestServer server = new TestServer()) {
            String response = server.exchange("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(response.endsWith("ok GET /"), response);
        }
    }

    @Test
    void http10_closesUnlessAskedToKeepAlive() throws Exception {
        try (TestServer server = new TestServer()) {
            String response = server.exchange("GET /old HTTP/1.0\r\n\r\n");
            assertTrue(response.endsWith("ok GET /old"), response);
            try (Socket s = server.connect()) {
                s.getOutputStream().write("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".getBytes(US_ASCII));
                String first = TestServer.readResponse(s.getInputStream());
                assertTrue(first.contains("\r\nConnection: keep-alive\r\n"), first);
                s.getOutputStream().write("GET /b HTTP/1.0\r\n\r\n".getBytes(US_ASCII));
                assertTrue(TestServer.readToClose(s).endsWith("ok GET /b"));
            }
        }
    }

    @Test
    void contentLengthBody_reachesTheHandler_withExpectContinue() throws Exception {
        try (TestServer server = new TestServer(); Socket s = server.connect()) {
            s.getOutputStream().write(
                    "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n".getBytes(US_ASCII));
            InputStream in = s.getInputStream();
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(in.readNBytes(25), US_ASCII));
            s.getOutputStream().write("hello".getBytes(US_ASCII));
            String response = TestServer.readResponse(in);
            assertTrue(response.contains("\r\nContent-Length: 5\r\n") && response.endsWith("hello"), response);
        }
    }

    @Test
    void headRequest_getsHeadersWithoutBody() throws Exception {
        try (TestServer server = new TestServer()) {
            String response = server.exchange("HEAD /x HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertTrue(response.contains("\r\nContent-Length: 10\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\n"), response);
        }
    }

    @Test
    void idleKeepAliveConnection_isClosedByTheIdleTimeout() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withIdleTimeout(Duration.ofMillis(300));
        try (TestServer server = new TestServer(options); Socket s = server.connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            TestServer.readResponse(s.getInputStream());
            long start = System.nanoTime();
            assertEquals(-1, s.getInputStream().read(), "closed while idle");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 200 && millis < 5_000, "closed after " + millis + " ms");
        }
    }

    /**
     * Each wait gets the whole idle timeout from its own start: requests 400 ms apart keep a connection
     * with a 1 s timeout open for 1.6 s (a deadline counted from the first wait would close it during the
     * third gap), and once they stop, the connection closes after about the timeout.
     */
    @Test
    void requestsSpacedWithinTheIdleTimeout_keepTheConnectionOpenPastIt() throws Exception {
        HttpServerOptions options = HttpServerOptions.defaults().withIdleTimeout(Duration.ofSeconds(1));
        try (TestServer server = new TestServer(options); Socket s = server.connect()) {
            for (int i = 0; i < 5; i++) {
                if (i > 0) {
                    Thread.sleep(400);
                }
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                assertTrue(TestServer.readResponse(s.getInputStream()).startsWith("HTTP/1.1 200 "), "request " + i);
            }
            long start = System.nanoTime();
            assertEquals(-1, s.getInputStream().read(), "closed while idle");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 700 && millis < 10_000, "closed after " + millis + " ms");
        }
    }

    @Test
    void encoding_leavesAResponseSharedBetweenRequestsUnchanged() throws Exception {
        HttpResponse shared = HttpResponse.ok("same");
        HttpRequest request = new HttpRequest(RequestParser.parse(
                "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".getBytes(US_ASCII)), new byte[0], null);
        String wire = new String(ResponseWriter.encode(request, shared, false), US_ASCII);
        assertTrue(wire.contains("\r\nConnection: close\r\n"), wire);
        assertFalse(shared.headers().contains("Connection"));
        assertFalse(shared.headers().contains("Content-Length"));
    }

    @Test
    void absoluteFormTarget_givesThePathAfterTheAuthority() throws Exception {
        HttpRequest request = new HttpRequest(RequestParser.parse(
                "GET http://example.com/a/b?c=d HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII)), new byte[0], null);
        assertEquals("/a/b", request.path());
        assertEquals("c=d", request.query());
    }

    @Test
    void queryParameters_areDecoded() throws Exception {
        HttpRequest request = new HttpRequest(RequestParser.parse(
                "GET /search?q=hello+world&x=%E2%82%AC HTTP/1.1\r\nHOST: a\r\n\r\n".getBytes(US_ASCII)),
                new byte[0], null);
        assertEquals("/search", request.path());
        assertEquals("hello world", request.queryParameter("q").orElseThrow());
        assertEquals("\u20ac", request.queryParameter("x").orElseThrow());
        assertEquals("a", request.headers().first("host").orElseThrow(), "header names ignore case");
    }
}
