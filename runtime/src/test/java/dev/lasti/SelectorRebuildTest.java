package dev.lasti;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.net.LoopThread;
import dev.lasti.net.Readiness;
import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failing {@code Selector.select} used to end the loop and every task on it; now the loop moves its
 * channels to a new selector and goes on. The failure is injected through the loop's test seam.
 */
class SelectorRebuildTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** 4 MiB: more than the socket buffers hold, so sending it needs OP_WRITE on the stream's key. */
    private static final int BIG = 4 << 20;

    /**
     * Echoes what it reads, through a plain callback chain; a read starting with '!' is answered with
     * {@link #BIG} bytes instead.
     */
    private static Future<Void> echo(TcpStream stream) {
        return LoopThread.then(stream.read(1024), chunk -> chunk.length == 0
                ? Future.completed(null)
                : LoopThread.then(stream.write(chunk[0] == '!' ? new byte[BIG] : chunk), w -> echo(stream)));
    }

    @Test
    void failedSelect_rebuildsTheSelector_andEveryChannelAndTaskGoesOn() throws Exception {
        try (LoopThread lt = new LoopThread("rebuild-test")) {
            EventLoop loop = lt.loop();
            TcpServer server = lt.call(() -> TcpServer.listen(0, SelectorRebuildTest::echo));
            Pipe pipe = Pipe.open();
            CompletableFuture<Boolean> readable = new CompletableFuture<>();
            try (Socket before = connect(server)) {
                assertEquals("one", roundTrip(before, "one"), "served before the failure");
                // a raw readiness wait and a timer, both pending across the failure
                lt.call(() -> Readiness.ready(pipe.source(), SelectionKey.OP_READ)
                        .whenDone(f -> readable.complete(f.cause() == null)));
                CompletableFuture<Boolean> timer = new CompletableFuture<>();
                loop.callLater(Duration.ofMillis(200), () -> timer.complete(true));

                loop.injectSelectFailure(new IOException("injected select failure"));
                waitUntil(() -> loop.injectedFailurePending() == false);

                assertEquals("two", roundTrip(before, "two"), "an open connection is served after it");
                before.getOutputStream().write('!');
                assertEquals(BIG, before.getInputStream().readNBytes(BIG).length,
                        "a stream learned its new key: it can ask for OP_WRITE again");
                try (Socket after = connect(server)) {
                    assertEquals("three", roundTrip(after, "three"), "new connections are accepted");
                    assertEquals(2, (int) lt.call(server::connectionCount), "both connections are live");
                }
                pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
                assertEquals(true, readable.get(10, TimeUnit.SECONDS), "the readiness wait completes");
                assertEquals(true, timer.get(10, TimeUnit.SECONDS), "timers still fire");
            } finally {
                pipe.sink().close();
                pipe.source().close();
            }
        }
    }

    @Test
    void repeatedFailures_pauseTheLoop_insteadOfSpinning() throws Exception {
        try (LoopThread lt = new LoopThread("rebuild-test")) {
            EventLoop loop = lt.loop();
            TcpServer server = lt.call(() -> TcpServer.listen(0, SelectorRebuildTest::echo));
            for (int i = 0; i < 3; i++) {
                loop.injectSelectFailure(new IOException("injected failure " + i));
                waitUntil(() -> loop.injectedFailurePending() == false);
            }
            try (Socket s = connect(server)) {
                assertEquals("still", roundTrip(s, "still"));
            }
        }
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        return new String(in.readNBytes(text.length()), US_ASCII);
    }

    private static Socket connect(TcpServer server) throws IOException {
        Socket s = new Socket(server.localAddress().getAddress(), server.localAddress().getPort());
        s.setSoTimeout((int) WAIT.toMillis());
        return s;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + WAIT);
            }
            Thread.sleep(5);
        }
    }
}
