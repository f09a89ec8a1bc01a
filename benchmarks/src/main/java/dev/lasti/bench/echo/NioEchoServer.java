package dev.lasti.bench.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The floor: a hand-written single-thread {@link Selector} loop with callbacks, the shape of the seed's
 * callback echo server. Each connection has one direct buffer; it is registered for {@code OP_READ} and
 * gets {@code OP_WRITE} only while echoed bytes are still pending (never on loopback with 64 B messages,
 * but the code must be right for a slow reader).
 *
 * <p>Usage: {@code NioEchoServer [port]}.
 */
public final class NioEchoServer {
    private NioEchoServer() {}

    /** One connection's state: the bytes read and not yet written back. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

        /** OP_READ callback: read what is there and write it straight back. */
        void onReadable(SelectionKey key) throws IOException {
            int n = channel.read(buffer);
            if (n < 0) {
                close(key);
                return;
            }
            buffer.flip();
            channel.write(buffer);
            afterWrite(key);
        }

        /** OP_WRITE callback: the kernel has room again for what is pending. */
        void onWritable(SelectionKey key) throws IOException {
            channel.write(buffer);
            afterWrite(key);
        }

        /** Read again once all is written; otherwise wait for OP_WRITE and stop reading (back-pressure). */
        private void afterWrite(SelectionKey key) {
            if (buffer.hasRemaining()) {
                buffer.compact().flip();
                key.interestOps(SelectionKey.OP_WRITE);
            } else {
                buffer.clear();
                if (key.interestOps() != SelectionKey.OP_READ) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
        }

        void close(SelectionKey key) throws IOException {
            key.cancel();
            channel.close();
        }
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), EchoServers.port(args)), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        EchoServers.ready("nio", (InetSocketAddress) server.getLocalAddress());
        while (true) {
            selector.select(key -> dispatch(selector, server, key));
        }
    }

    private static void dispatch(Selector selector, ServerSocketChannel server, SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                for (SocketChannel c; (c = server.accept()) != null; ) {
                    c.configureBlocking(false);
                    c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    c.register(selector, SelectionKey.OP_READ).attach(new Conn(c));
                }
                return;
            }
            Conn conn = (Conn) key.attachment();
            try {
                if (key.isWritable()) {
                    conn.onWritable(key);
                } else if (key.isReadable()) {
                    conn.onReadable(key);
                }
            } catch (IOException e) {
                conn.close(key); // a reset by the client: drop just this connection
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
