package dev.lasti.samples;

import dev.lasti.EventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * S5, first half (seed 001): the TCP echo server written with callbacks on the loop's selector. Each
 * connection flips between "read" and "write" callbacks, like the seed's {@code TCPEchoServer}:
 *
 * <pre>
 * def _on_read(self, conn):
 *     msg = conn.recv(1024)
 *     if msg:
 *         self._loop.selector.modify(conn, selectors.EVENT_WRITE, (self._on_write, msg))
 *     else:
 *         self._loop.selector.unregister(conn)
 *         conn.close()
 *
 * def _on_write(self, conn, msg):
 *     conn.sendall(msg)
 *     self._loop.selector.modify(conn, selectors.EVENT_READ, self._on_read)
 * </pre>
 *
 * {@code sendall} would block; here a partial write keeps the connection in "write" until the rest is out.
 * Create and close it on the loop thread.
 */
final class CallbackEchoServer implements AutoCloseable {
    private final ServerSocketChannel server;

    private CallbackEchoServer(ServerSocketChannel server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 and a free port, accepting on the current loop. */
    static CallbackEchoServer listen() {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", 0), 128);
            EventLoop loop = EventLoop.current();
            loop.register(server, SelectionKey.OP_ACCEPT, key -> accept(loop, server));
            return new CallbackEchoServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops accepting. Connections still open close when their client does. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code _accept}: takes every pending connection and waits for it to be readable. */
    private static void accept(EventLoop loop, ServerSocketChannel server) {
        try {
            for (SocketChannel channel; (channel = server.accept()) != null; ) {
                Connection connection = new Connection(channel);
                loop.register(channel, SelectionKey.OP_READ, connection::onRead);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("accept failed", e); // the loop logs it and goes on
        }
    }

    /** One connection; {@link #buffer} holds the bytes read and not yet echoed. */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1024);

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void onRead(SelectionKey key) {
            try {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    channel.close(); // also cancels the key: the seed's unregister + close
                    return;
                }
                buffer.flip();
                key.interestOps(SelectionKey.OP_WRITE);
                key.attach((EventLoop.IoHandler) this::onWrite);
            } catch (IOException e) {
                closeQuietly();
            }
        }

        void onWrite(SelectionKey key) {
            try {
                channel.write(buffer);
                if (!buffer.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                    key.attach((EventLoop.IoHandler) this::onRead);
                }
            } catch (IOException e) {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a reset peer: nothing left to tell it
            }
        }
    }
}
