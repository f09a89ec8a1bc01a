package dev.lasti.net;

import static dev.lasti.net.Clients.connect;
import static dev.lasti.net.Clients.echo;
import static dev.lasti.net.Clients.isListening;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connection limit and the thread rules of {@link TcpServer}. */
class TcpServerLimitsTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void maxConnections_pausesAccepting_andResumesWhenOneCloses() throws Exception {
        try (LoopThread lt = new LoopThread("limit-test")) {
            TcpServer server = lt.call(() -> TcpServer.listen(ANY_PORT,
                    TcpServerOptions.defaults().withMaxConnections(2), EchoTest::echo));
            try (Socket a = connect(server); Socket b = connect(server); Socket c = connect(server)) {
                assertEquals("a", echo(a, "a"));
                assertEquals("b", echo(b, "b"));
                c.setSoTimeout(500);
                c.getOutputStream().write('c');
                assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read(),
                        "the third connection waits in the backlog");
                assertEquals(2, (int) lt.call(server::connectionCount));
                a.close();
                c.setSoTimeout(10_000);
                assertEquals('c', c.getInputStream().read(), "accepted once another closed");
                assertEquals("b2", echo(b, "b2"));
            }
        }
    }

    @Test
    void serverMethods_offTheLoop_handTheWorkToTheLoop_butListenNeedsALoop() throws Exception {
        try (LoopThread lt = new LoopThread("thread-test")) {
            TcpServer server = lt.call(() -> TcpServer.listen(0, EchoTest::echo));
            assertEquals(server.localAddress(), lt.call(server::localAddress), "localAddress is fine anywhere");
            try (Socket a = connect(server)) {
                assertEquals("a", echo(a, "a"));
                assertEquals(1, server.connectionCount(), "counted from the test thread");
                Future<Void> drained = server.closeGracefully(Duration.ofSeconds(30));
                lt.call(() -> null); // the close was queued on the loop before this: it has run
                assertFalse(drained.isDone(), "the connection is still open");
                for (int i = 0; i < 100 && isListening(server); i++) {
                    Thread.sleep(50); // the socket really closes at the loop's next select, which deregisters it
                }
                assertThrows(IOException.class, () -> connect(server), "no longer accepting");
                assertEquals("a2", echo(a, "a2"), "the open connection goes on");
                a.close();
                drained.toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertEquals(0, server.connectionCount());
            }
            IllegalStateException listen = assertThrows(IllegalStateException.class,
                    () -> TcpServer.listen(0, EchoTest::echo), "listen on one loop needs its loop thread");
            assertTrue(listen.getMessage().contains("no lasti event loop"), listen.getMessage());
        }
    }

    @Test
    void close_fromAnotherThread_isHandedToTheLoop() throws Exception {
        try (LoopThread lt = new LoopThread("thread-test")) {
            TcpServer server = lt.call(() -> TcpServer.listen(0, EchoTest::echo));
            try (Socket open = connect(server)) {
                assertEquals("x", echo(open, "x"));
                server.close(); // not on the loop thread
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (isListening(server)) {
                    assertTrue(System.nanoTime() < deadline, "the server closed");
                    Thread.sleep(10);
                }
                assertThrows(IOException.class, () -> connect(server), "no longer listening");
                assertEquals("y", echo(open, "y"), "the open connection goes on");
            }
            server.close(); // idempotent from any thread
        }
    }
}
