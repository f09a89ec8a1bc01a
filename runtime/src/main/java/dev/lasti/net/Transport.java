package dev.lasti.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SocketChannel;

/**
 * What a {@link TcpStream} reads from and writes to: the socket itself, or a {@link TlsSession} over it.
 * Reads and writes are non-blocking: 0 means "not now", -1 from a read means end of stream.
 */
sealed interface Transport extends ByteChannel, GatheringByteChannel permits Transport.Plain, TlsSession {
    /** Whether a read may return bytes although the socket is not readable (decrypted bytes held). */
    boolean hasBufferedInput();

    /** Whether the transport holds output of its own (TLS records) that the kernel has not taken yet. */
    boolean hasOwnOutput();

    /** Sends as much of the transport's own output as the kernel takes now. */
    void flushOwn() throws IOException;

    /**
     * Ends our output (for TLS, {@code close_notify} first, then the FIN). Returns {@code false} when it
     * could not all be sent yet: call again when the socket is writable.
     */
    boolean shutdownOutput() throws IOException;

    /** The plain socket: every call goes straight to the channel. */
    record Plain(SocketChannel channel) implements Transport {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return channel.write(srcs, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return channel.write(srcs);
        }

        @Override
        public boolean hasBufferedInput() {
            return false;
        }

        @Override
        public boolean hasOwnOutput() {
            return false;
        }

        @Override
        public void flushOwn() {}

        @Override
        public boolean shutdownOutput() throws IOException {
            channel.shutdownOutput();
            return true;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
