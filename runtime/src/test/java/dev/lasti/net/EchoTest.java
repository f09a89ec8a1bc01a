package dev.lasti.net;

import static dev.lasti.net.LoopThread.then;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seed S5's echo server under load: 1,000 concurrent connections from a client loop of TcpStreams, each
 * sending a random-size message of up to 64 KiB and reading every byte back in order.
 */
class EchoTest {
    private static final int CONNECTIONS = 1_000;
    private static final int MAX_MESSAGE = 64 * 1024;

    /** The echo handler as a callback chain; an {@code @Async} user writes it as a plain loop. */
    static Future<Void> echo(TcpStream stream) {
        return then(stream.read(MAX_MESSAGE), chunk -> chunk.length == 0
                ? Future.completed(null)
                : then(stream.write(chunk), written -> echo(stream)));
    }

    @Test
    void thousandConcurrentConnections_getEveryByteBackInOrder() throws Exception {
        Random random = new Random(20161127);
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            byte[] m = new byte[1 + random.nextInt(MAX_MESSAGE)];
            random.nextBytes(m);
            messages.add(m);
        }
        try (LoopThread server = new LoopThread("echo-server"); LoopThread clients = new LoopThread("echo-clients")) {
            TcpServer echoServer = server.call(() -> TcpServer.listen(0, EchoTest::echo));
            InetSocketAddress address = echoServer.localAddress();

            List<Boolean> results = clients.await(() -> {
                List<Future<Boolean>> all = new ArrayList<>();
                for (byte[] m : messages) {
                    all.add(roundTrip(address, m));
                }
                return Future.all(all);
            }, Duration.ofSeconds(60));

            assertEquals(CONNECTIONS, results.size());
            assertEquals(CONNECTIONS, results.stream().filter(ok -> ok).count(), "every echo matches");
            server.await(() -> echoServer.closeGracefully(Duration.ofSeconds(5)), Duration.ofSeconds(10));
        }
    }

    private static Future<Boolean> roundTrip(InetSocketAddress address, byte[] message) {
        return then(TcpStream.connect(address, Duration.ofSeconds(30)), stream -> {
            Future<Void> sent = stream.write(message); // read back concurrently, or both sides could stall
            return then(stream.readExactly(message.length), back -> {
                boolean same = sent.isDone() && !sent.isFailed() && Arrays.equals(back, message);
                stream.close();
                return Future.completed(same);
            });
        });
    }
}
