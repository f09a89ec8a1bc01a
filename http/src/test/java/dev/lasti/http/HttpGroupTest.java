package dev.lasti.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link HttpServer} on an {@link EventLoopGroup}: every loop serves, a connection stays on its loop. */
class HttpGroupTest {
    /** Answers with the name of the loop thread that runs the handler. */
    private static Future<HttpResponse> whichLoop(HttpRequest request) {
        if (request.path().equals("/slow")) {
            return TestServer.route(request);
        }
        return Future.completed(HttpResponse.ok(Thread.currentThread().getName()));
    }

    @Test
    void everyLoopServes_andKeepAliveRequestsStayOnTheirConnectionsLoop() throws Exception {
        Set<String> loopsSeen = new HashSet<>();
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            HttpServer server = HttpServer.bind(group, "127.0.0.1", 0, HttpGroupTest::whichLoop,
                    HttpServerOptions.defaults());
            for (int c = 0; c < 30; c++) {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.setSoTimeout(10_000);
                    Set<String> thisConnection = new HashSet<>();
                    for (int r = 0; r < 3; r++) {
                        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                        String response = TestServer.readResponse(s.getInputStream());
                        String thread = response.substring(response.lastIndexOf('\n') + 1);
                        assertTrue(thread.matches("lasti-\\d+-loop-[01]"), response);
                        thisConnection.add(thread);
                    }
                    assertEquals(1, thisConnection.size(), "one connection, one loop: " + thisConnection);
                    loopsSeen.addAll(thisConnection);
                }
            }
            server.closeGracefully(Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertEquals(2, loopsSeen.size(), "both loops served: " + loopsSeen);
    }

    @Test
    void closeGracefully_fromAnyThread_finishesEachLoopsRequestInProgress_andClosesTheIdle() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            HttpServer server = HttpServer.bind(group, "127.0.0.1", 0, HttpGroupTest::whichLoop,
                    HttpServerOptions.defaults());
            List<Socket> idle = new ArrayList<>();
            List<Socket> busy = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                    TestServer.readResponse(s.getInputStream());
                    (i % 2 == 0 ? idle : busy).add(s);
                }
                for (Socket s : busy) {
                    s.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(US_ASCII));
                }
                Thread.sleep(200); // the slow requests are in their handlers now
                Future<Void> drained = server.closeGracefully(Duration.ofSeconds(10)); // on the test thread
                for (Socket s : idle) {
                    assertEquals(-1, s.getInputStream().read(), "an idle connection was closed");
                }
                for (Socket s : busy) {
                    String response = TestServer.readToClose(s);
                    assertTrue(response.contains("\r\nConnection: close\r\n"), response);
                    assertTrue(response.endsWith("Hello, world\n"), response);
                }
                drained.toCompletableFuture().get(10, TimeUnit.SECONDS);
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
                for (Socket s : busy) {
                    s.close();
                }
            }
        }
    }

    @Test
    void bindOnOneLoop_stillNeedsItsLoopThread() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> HttpServer.bind(0, HttpGroupTest::whichLoop));
        assertTrue(e.getMessage().contains("no lasti event loop"), e.getMessage());
    }
}
