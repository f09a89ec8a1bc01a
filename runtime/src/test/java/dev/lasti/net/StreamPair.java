package dev.lasti.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A {@link TcpStream} on its own loop thread, connected to a plain blocking socket that the test thread
 * drives: the fixture of the stream tests. Closing it closes the stream on its loop, then the peer, the
 * listener and the loop.
 */
final class StreamPair implements AutoCloseable {
    private final LoopThread loop;
    private final ServerSocket listener;
    private final TcpStream stream;
    private final Socket peer;

    private StreamPair(LoopThread loop, ServerSocket listener, TcpStream stream, Socket peer) {
        this.loop = loop;
        this.listener = listener;
        this.stream = stream;
        this.peer = peer;
    }

    /** Starts a loop named {@code name} and connects a stream on it to a fresh listener on 127.0.0.1. */
    static StreamPair open(String name, Duration wait) throws IOException {
        LoopThread loop = new LoopThread(name);
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        InetSocketAddress address = (InetSocketAddress) listener.getLocalSocketAddress();
        TcpStream stream = loop.await(() -> TcpStream.connect(address, wait), wait);
        return new StreamPair(loop, listener, stream, listener.accept());
    }

    LoopThread loop() {
        return loop;
    }

    /** The listener the stream connected to, for a test that connects a second stream. */
    ServerSocket listener() {
        return listener;
    }

    TcpStream stream() {
        return stream;
    }

    /** The blocking socket at the other end of {@link #stream()}. */
    Socket peer() {
        return peer;
    }

    @Override
    public void close() throws Exception {
        loop.call(() -> {
            stream.close();
            return null;
        });
        peer.close();
        listener.close();
        loop.close();
    }
}
