package dev.lasti.http;

import dev.lasti.net.LoopThread;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lasti.net.TcpServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listen backlog option: its default, its copies, and that a burst beyond the default is taken. */
class HttpBacklogTest {
    @Test
    void backlog_defaultsToTheTcpServers_andSurvivesTheOtherCopies() {
        HttpServerOptions defaults = HttpServerOptions.defaults();
        assertEquals(TcpServer.DEFAULT_BACKLOG, defaults.backlog());
        HttpServerOptions big = defaults.withBacklog(16_384).withIdleTimeout(Duration.ofSeconds(5));
        assertEquals(16_384, big.backlog());
        assertEquals(Duration.ofSeconds(5), big.idleTimeout());
        assertEquals(defaults.maxHeaderBytes(), big.maxHeaderBytes());
        assertThrows(IllegalArgumentException.class, () -> defaults.withBacklog(0));
    }

    /**
     * While the loop is busy nothing is accepted, so every connection of a burst waits in the kernel's
     * accept queue. With a backlog under the burst the extra handshakes are dropped (the connects below
     * would time out); with one above it, all of them complete at once and are served once the loop is free.
     */
    @Test
    void aBurstLargerThanTheDefaultBacklog_isQueued_whileTheLoopIsBusy() throws Exception {
        int burst = TcpServer.DEFAULT_BACKLOG + 200;
        int backlog = burst + 500;
        assumeTrue(somaxconn() >= backlog, "net.core.somaxconn caps the backlog below " + backlog);
        LoopThread lt = new LoopThread("http-backlog-test");
        List<Socket> clients = new ArrayList<>();
        try {
            HttpServer server = lt.call(() -> HttpServer.bind("127.0.0.1", 0, TestServer::route,
                    HttpServerOptions.defaults().withBacklog(backlog)));
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            lt.loop().execute(() -> { // holds the loop thread: no accept happens meanwhile
                busy.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            try {
                for (int i = 0; i < burst; i++) {
                    Socket s = new Socket();
                    clients.add(s);
                    // 2 s: ample for a queued handshake on a loaded machine; a dropped one is retried
                    // after 1 s, into a queue that is still full, and times out
                    s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
                }
            } finally {
                release.countDown();
            }
            for (Socket s : List.of(clients.get(0), clients.get(burst - 1))) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /q HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".getBytes(US_ASCII));
                assertTrue(TestServer.readResponse(s.getInputStream()).endsWith("ok GET /q"));
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
            lt.close();
        }
    }

    private static int somaxconn() {
        try {
            // readAllLines, not readString: procfs reports a size of 0 and readString then stops short
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).strip());
        } catch (Exception e) {
            return 0; // not Linux, or not readable: the test is skipped
        }
    }
}
