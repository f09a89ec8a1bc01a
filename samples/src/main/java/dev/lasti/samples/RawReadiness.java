package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.net.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * S9 (seeds 003 and 000): the low-level await on channel readiness. {@link Readiness#ready} is the seeds'
 * {@code add_handler} whose callback calls {@code future.set_result}; the coroutine awaits that future,
 * then does the non-blocking read itself. Seed 003's {@code get_data}:
 *
 * <pre>
 * def handle_data(sock, event):
 *     io_loop.remove_handler(sock)
 *     data = sock.recv(1024)
 *     future.set_result(data)
 *
 * io_loop.add_handlers(s, handle_data, io_loop.READ)
 * return future
 * </pre>
 *
 * The client below is seed 000's last one ({@code register(fd, EVENT_WRITE, data=fut); yield fut}) on a raw
 * {@link SocketChannel}: no stream type, just readiness and the channel's own non-blocking calls.
 */
public final class RawReadiness {
    private RawReadiness() {}

    /** One request: await connectable, then writable, then readable until the response is complete. */
    @Async
    static Future<String> request(InetSocketAddress server) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            if (!channel.connect(server)) {
                await(Readiness.ready(channel, SelectionKey.OP_CONNECT));
                channel.finishConnect();
            }
            ByteBuffer out = ByteBuffer.wrap(RawHttp.REQUEST);
            while (out.hasRemaining()) {
                await(Readiness.ready(channel, SelectionKey.OP_WRITE));
                channel.write(out);
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            while (!RawHttp.isComplete(received)) {
                await(Readiness.ready(channel, SelectionKey.OP_READ));
                chunk.clear();
                if (channel.read(chunk) < 0) {
                    throw new IOException("the server closed before the response was complete");
                }
                received.write(chunk.array(), 0, chunk.position());
            }
            return Future.completed(RawHttp.text(received));
        } finally {
            channel.close(); // also ends the registration that Readiness left without interest
        }
    }

    /** Two raw requests on one loop. */
    public static String run() {
        try (SlowServer server = SlowServer.start()) {
            long start = System.nanoTime();
            List<String> responses = EventLoop.run(() -> Future.all(List.of(
                    requestUnchecked(server.address()), requestUnchecked(server.address()))));
            return String.format("2 requests awaiting raw readiness, concurrent: %.2f s; %s, %s",
                    Seconds.since(start), RawHttp.summary(responses.get(0)), RawHttp.summary(responses.get(1)));
        }
    }

    /** {@link #request}, with a failure to open the channel turned into a failed future. */
    static Future<String> requestUnchecked(InetSocketAddress server) {
        try {
            return request(server);
        } catch (IOException e) {
            return Future.failed(e);
        }
    }
}
