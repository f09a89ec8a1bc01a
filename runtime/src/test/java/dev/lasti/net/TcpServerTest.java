package dev.lasti.net;

import static dev.lasti.net.Clients.connect;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lasti.Future;
import dev.lasti.Promise;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpServerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Answers "ok\n", but fails on a connection whose first byte is '!'. */
    private static Future<Void> pickyHandler(TcpStream stream) {
        return LoopThread.then(stream.readExactly(1), first -> {
            if (first[0] == '!') {
                throw new IllegalStateException("test handler failure");
            }
            return stream.write("ok\n".getBytes(US_ASCII));
        });
    }

    @Test
    void handlerFailure_closesOnlyItsConnection() throws Exception {
        try (LoopThread lt = new LoopThread("tcp-server-test")) {
            TcpServer server = lt.call(() -> TcpServer.listen(0, TcpServerTest::pickyHandler));
            try (Socket good = connect(server); Socket bad = connect(server)) {
                bad.getOutputStream().write('!');
                assertEquals(-1, bad.getInputStream().read(), "the failing handler's connection is closed");
                good.getOutputStream().write('x');
                assertEquals("ok\n", new String(good.getInputStream().readAllBytes(), US_ASCII));
            }
            try (Socket again = connect(server)) {
                again.getOutputStream().write('y');
                assertEquals("ok\n", new String(again.getInputStream().readAllBytes(), US_ASCII));
            }
            lt.call(() -> {
                server.close();
                return null;
            });
            assertThrows(IOException.class, () -> connect(server).getInputStream().read(), "no longer accepting");
        }
    }

    @Test
    void closeGracefully_waitsForLiveConnections_thenClosesThemAfterTheTimeout() throws Exception {
        Promise<Void> never = new Promise<>();
        try (LoopThread lt = new LoopThread("tcp-server-test")) {
            TcpServer server = lt.call(() -> TcpServer.listen(0, stream -> stream.read(1)));
            try (Socket idle = connect(server)) {
                waitFor(() -> lt.call(server::connectionCount) == 1);
                long start = System.nanoTime();
                lt.await(() -> server.closeGracefully(Duration.ofMillis(300)), WAIT);
                long millis = (System.nanoTime() - start) / 1_000_000;
                InputStream in = idle.getInputStream();
                assertEquals(-1, in.read(), "the idle connection was closed");
                assertEquals(0, (int) lt.call(server::connectionCount));
                assertEquals(true, millis >= 250, "waited for the timeout: " + millis + " ms");
            }
        }
        never.cancel();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
