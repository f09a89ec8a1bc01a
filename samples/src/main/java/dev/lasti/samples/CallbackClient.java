package dev.lasti.samples;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * S3 (seed 000): the client on selector callbacks. Both requests wait on one selector, so they take one
 * delay, not two, but the request is cut into a callback per readiness event. The seed:
 *
 * <pre>
 * def request(selector):
 *     sock = socket.socket()
 *     sock.connect(("", PORT))
 *     selector.register(sock.fileno(), selectors.EVENT_WRITE, data=lambda: writable(selector, sock))
 *
 * def writable(selector, sock):
 *     selector.unregister(sock.fileno())
 *     sock.send(b"GET / HTTP/1.1\r\n\r\n")
 *     selector.register(sock.fileno(), selectors.EVENT_READ, data=lambda: readable(selector, sock))
 *
 * def readable(selector, sock):
 *     ...
 *     data = sock.recv(CHUNK_SIZE)
 * </pre>
 *
 * Here the loop's selector plays {@code selector}, {@link EventLoop#register} plays {@code register}, and
 * a {@link Promise} replaces the seed's global {@code COUNT}. The connect is non-blocking too, so it gets
 * its own callback.
 */
public final class CallbackClient {
    private CallbackClient() {}

    /** Starts one request on the current loop; the future completes with the whole response. */
    static Future<String> request(InetSocketAddress server) {
        Request request = new Request(EventLoop.current());
        request.start(server);
        return request.done;
    }

    /** One request's state, carried from callback to callback: what the coroutine would keep in locals. */
    private static final class Request {
        private final EventLoop loop;
        private final Promise<String> done = new Promise<>();
        private final ByteBuffer out = ByteBuffer.wrap(RawHttp.REQUEST);
        private final ByteBuffer chunk = ByteBuffer.allocate(4096);
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private SocketChannel channel;

        Request(EventLoop loop) {
            this.loop = loop;
        }

        void start(InetSocketAddress server) {
            step(() -> {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                if (channel.connect(server)) {
                    loop.register(channel, SelectionKey.OP_WRITE, key -> step(this::writable));
                } else {
                    loop.register(channel, SelectionKey.OP_CONNECT, key -> step(this::connected));
                }
            });
        }

        private void connected() throws IOException {
            channel.finishConnect();
            // Registering again replaces the interest and the callback, like the seed's unregister + register.
            loop.register(channel, SelectionKey.OP_WRITE, key -> step(this::writable));
        }

        private void writable() throws IOException {
            channel.write(out);
            if (!out.hasRemaining()) { // else stay registered for OP_WRITE and write the rest next time
                loop.register(channel, SelectionKey.OP_READ, key -> step(this::readable));
            }
        }

        private void readable() throws IOException {
            chunk.clear();
            if (channel.read(chunk) < 0) {
                throw new IOException("the server closed before the response was complete");
            }
            received.write(chunk.array(), 0, chunk.position());
            if (RawHttp.isComplete(received)) {
                channel.close(); // also cancels the registration
                done.complete(RawHttp.text(received));
            }
        }

        /** Runs one callback; any failure fails the request and closes its channel. */
        private void step(IoStep body) {
            try {
                body.run();
            } catch (IOException | RuntimeException e) {
                close();
                done.fail(e);
            }
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // already failing; the first error is the one worth reporting
            }
        }
    }

    /** A callback body that may throw {@link IOException}. */
    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    /** Two requests started together on one loop. */
    public static String run() {
        try (SlowServer server = SlowServer.start()) {
            long start = System.nanoTime();
            List<String> responses = EventLoop.run(() ->
                    Future.all(List.of(request(server.address()), request(server.address()))));
            return String.format("2 requests, concurrent with callbacks: %.2f s; %s, %s", Seconds.since(start),
                    RawHttp.summary(responses.get(0)), RawHttp.summary(responses.get(1)));
        }
    }
}
