package dev.lasti.bench.echo;

import dev.lasti.bench.VirtualThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Virtual thread per connection: a blocking accept loop, and each connection served by blocking reads and
 * writes on its own virtual thread. The JDK parks the thread on its poller while a read waits, so this is
 * the "just write blocking code" peer. Run with {@code -Djdk.virtualThreadScheduler.parallelism=1} for a
 * single carrier, like the one-thread servers (echo.sh does).
 *
 * <p>Usage: {@code VirtualThreadEchoServer [port]}. Runs until killed.
 */
public final class VirtualThreadEchoServer {
    private VirtualThreadEchoServer() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (!VirtualThreads.available()) {
            System.out.println("SKIPPED echo/virtual-threads/msgs-per-s " + VirtualThreads.skipMessage());
            return;
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), EchoServers.port(args)), 1024);
        EchoServers.ready("virtual-threads", (InetSocketAddress) server.getLocalAddress());
        while (true) {
            SocketChannel c = server.accept();
            VirtualThreads.start(() -> serve(c));
        }
    }

    private static void serve(SocketChannel c) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);
        try (c) {
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            while (c.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    c.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // a reset by the client: this connection is over, the others go on
        }
    }
}
