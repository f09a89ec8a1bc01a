package dev.lasti.http;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.Future;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Responses written while they are sent: chunked or with a known length, and backpressure on a stalled client. */
class StreamingResponseTest {
    static final int PIECE = 64 * 1024;
    static final int FIVE_MIB = 5 * 1024 * 1024;
    /** Bytes the /five-mib bodies have produced so far, over every connection. */
    static final AtomicLong produced = new AtomicLong();

    @Async
    static Future<Void> pieces(BodySink out) {
        await(out.write("one,"));
        await(out.write(""));
        await(out.write("two,"));
        await(out.write("three"));
        return Future.completed(null);
    }

    @Async
    static Future<Void> fiveMib(BodySink out) {
        byte[] piece = new byte[PIECE];
        for (int sent = 0; sent < FIVE_MIB; sent += PIECE) {
            produced.addAndGet(PIECE);
            await(out.write(piece)); // completes when the kernel took it: a stalled client stops us here
        }
        return Future.completed(null);
    }

    @Async
    static Future<Void> failHalfway(BodySink out) {
        await(out.write("half"));
        throw new IllegalStateException("the body's source failed");
    }

    static Future<HttpResponse> route(HttpRequest request) {
        switch (request.path()) {
            case "/fails":
                return Future.completed(HttpResponse.status(200).body(StreamingResponseTest::failHalfway));
            case "/chunked":
                return Future.completed(HttpResponse.status(200).body(StreamingResponseTest::pieces));
            case "/counted":
                return Future.completed(HttpResponse.status(200).header("Content-Length", "13")
                        .body(StreamingResponseTest::pieces));
            case "/five-mib":
                return Future.completed(HttpResponse.status(200).body(StreamingResponseTest::fiveMib));
            default:
                return Future.completed(HttpResponse.ok("after"));
        }
    }

    @Test
    void chunkedBody_isFramedAndEnded_andTheConnectionKeptAlive() throws Exception {
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), StreamingResponseTest::route);
                Socket s = server.connect()) {
            s.getOutputStream().write("GET /chunked HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            String response = readUntil(s.getInputStream(), "0\r\n\r\n");
            assertTrue(response.contains("\r\nTransfer-Encoding: chunked\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\n4\r\none,\r\n4\r\ntwo,\r\n5\r\nthree\r\n0\r\n\r\n"), response);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("after"));
        }
    }

    /** The status line has gone out, so the only honest answer is to close, and at once (not at a timeout). */
    @Test
    void anErrorWhileWritingTheResponse_closesTheConnectionAtOnce() throws Exception {
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), StreamingResponseTest::route);
                Socket s = server.connect()) {
            long start = System.nanoTime();
            s.getOutputStream().write("GET /fails HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
            String response = TestServer.readToClose(s);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(response.endsWith("\r\n\r\n4\r\nhalf\r\n"), "no last chunk: " + response);
            assertTrue(millis < 3_000, "closed after " + millis + " ms");
        }
    }

    @Test
    void declaredLength_isSentAsIs() throws Exception {
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), StreamingResponseTest::route)) {
            String response = server.exchange("GET /counted HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            assertTrue(response.contains("\r\nContent-Length: 13\r\n"), response);
            assertTrue(!response.contains("chunked") && response.endsWith("\r\n\r\none,two,three"), response);
        }
    }

    /**
     * Clients that ask for 5 MiB and never read: each connection holds one 64 KiB piece at most, besides
     * what the kernel buffers. A buffered 5 MiB response held the whole body per client (issue 12: 214 MB
     * for 100 clients).
     */
    @Test
    void stalledClients_holdABoundedBuffer_notTheWholeResponse() throws Exception {
        int clients = 60;
        long before = heapAfterGc();
        List<Socket> sockets = new ArrayList<>();
        try (TestServer server = new TestServer(HttpServerOptions.defaults(), StreamingResponseTest::route)) {
            for (int i = 0; i < clients; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
                s.getOutputStream().write("GET /five-mib HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                sockets.add(s);
            }
            long last = -1;
            for (int i = 0; i < 100 && produced.get() != last; i++) { // until every producer is stalled
                last = produced.get();
                Thread.sleep(200);
            }
            long held = heapAfterGc() - before;
            System.out.printf("%d stalled clients of a 5 MiB streamed response: %.1f MiB more heap after a full GC,"
                    + " %.1f MiB produced of %d MiB%n", clients, held / 1048576.0, produced.get() / 1048576.0,
                    clients * 5);
            assertTrue(produced.get() < (long) clients * FIVE_MIB, "the producers were held back");
            assertTrue(held < clients * 512L * 1024, "heap held by stalled clients: " + held + " bytes");
            // and the server still serves everyone else
            assertTrue(server.goodGet().endsWith("after"));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }

    private static String readUntil(InputStream in, String end) throws Exception {
        StringBuilder out = new StringBuilder();
        while (!out.toString().endsWith(end)) {
            int c = in.read();
            assertTrue(c >= 0, "closed after: " + out);
            out.append((char) c);
        }
        return out.toString();
    }
}
