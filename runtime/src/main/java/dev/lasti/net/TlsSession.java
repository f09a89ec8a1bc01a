package dev.lasti.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS over a non-blocking socket on the JDK's {@link SSLEngine}: the {@link Transport} of a TLS {@link
 * TcpStream}, and the handshake steps that {@link TlsHandshake} drives before the stream exists.
 *
 * <p>Buffers: {@code netIn} holds records read from the socket and not yet decrypted (filling mode);
 * {@code appIn} holds decrypted bytes not yet read (draining mode); {@code netOut} holds records not yet
 * taken by the kernel (draining mode). Each starts at the session's sizes and grows when the engine
 * reports {@code BUFFER_OVERFLOW} (a larger record than announced) or {@code BUFFER_UNDERFLOW} with a full
 * buffer. New plaintext is encrypted only once {@code netOut} is empty, so a write holds at most one
 * record beyond the kernel's buffer.
 *
 * <p>After the handshake, TLS 1.3's post-handshake messages (session tickets, key updates) are handled as
 * they are read; a TLS 1.2 renegotiation is refused (the stream fails with an {@link SSLException}).
 * Delegated tasks that turn up after the handshake run inline: they are rare and short, and running them
 * elsewhere would need the stream to stall its reads and writes. Loop thread only.
 */
final class TlsSession implements Transport {
    /** What the handshake needs next. */
    enum Step { READ, WRITE, TASKS, DONE }

    private final SocketChannel channel;
    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    /** {@code netIn} holds bytes the engine has not said it needs more than (no underflow since). */
    private boolean netInFresh;
    private boolean inboundDone;
    private boolean closeNotifyQueued;
    private boolean handshakeDone;

    TlsSession(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        SSLSession s = engine.getSession();
        netIn = ByteBuffer.allocate(s.getPacketBufferSize());
        appIn = ByteBuffer.allocate(s.getApplicationBufferSize()).flip();
        netOut = ByteBuffer.allocate(s.getPacketBufferSize()).flip();
    }

    SSLSession session() {
        return engine.getSession();
    }

    SSLEngine engine() {
        return engine;
    }

    /** Advances the handshake as far as the socket allows without blocking. */
    Step handshake() throws IOException {
        while (true) {
            flushOwn();
            if (netOut.hasRemaining()) {
                return Step.WRITE;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK:
                    return Step.TASKS;
                case NEED_WRAP:
                    wrap(new ByteBuffer[0]);
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    if (!netInFresh && readSocket() == 0) {
                        return Step.READ;
                    }
                    if (unwrap().getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("the peer closed the connection during the TLS handshake");
                    }
                    break;
                default: // FINISHED or NOT_HANDSHAKING, with all our records sent
                    handshakeDone = true;
                    return Step.DONE;
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (!appIn.hasRemaining()) {
            if (inboundDone) {
                return -1;
            }
            if (!netInFresh && readSocket() == 0) {
                return 0;
            }
            unwrap();
        }
        int n = Math.min(dst.remaining(), appIn.remaining());
        int limit = appIn.limit();
        dst.put(appIn.limit(appIn.position() + n));
        appIn.limit(limit);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return (int) write(new ByteBuffer[] {src}, 0, 1);
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long consumed = 0;
        ByteBuffer[] window = java.util.Arrays.copyOfRange(srcs, offset, offset + length);
        while (true) {
            flushOwn();
            if (netOut.hasRemaining() || !hasRemaining(window)) {
                return consumed;
            }
            consumed += wrap(window).bytesConsumed();
        }
    }

    @Override
    public boolean hasBufferedInput() {
        return appIn.hasRemaining() || (netInFresh && netIn.position() > 0) || inboundDone;
    }

    @Override
    public boolean hasOwnOutput() {
        return netOut.hasRemaining();
    }

    @Override
    public void flushOwn() throws IOException {
        while (netOut.hasRemaining() && channel.write(netOut) > 0) {
            // the kernel took some; try again until it takes none or all is sent
        }
    }

    @Override
    public boolean shutdownOutput() throws IOException {
        flushOwn();
        if (netOut.hasRemaining()) {
            return false;
        }
        if (!closeNotifyQueued) {
            queueCloseNotify();
            flushOwn();
            if (netOut.hasRemaining()) {
                return false;
            }
        }
        channel.shutdownOutput();
        return true;
    }

    /** Sends {@code close_notify} if the kernel takes it at once, then closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (handshakeDone && !closeNotifyQueued && channel.isOpen()) {
                queueCloseNotify();
                flushOwn();
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the socket is closed below either way
        } finally {
            channel.close();
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** After a failed handshake: sends the alert the engine has for the peer, if the kernel takes it. */
    void sendAlertQuietly() {
        try {
            if (!closeNotifyQueued) {
                queueCloseNotify();
            }
            flushOwn();
        } catch (IOException | RuntimeException e) {
            // the handshake has failed already; the caller reports that failure and closes the socket
        }
    }

    private void queueCloseNotify() throws IOException {
        closeNotifyQueued = true;
        engine.closeOutbound();
        while (!engine.isOutboundDone() && !netOut.hasRemaining()) {
            wrap(new ByteBuffer[0]);
        }
    }

    /** One read from the socket into {@code netIn}; 0 when nothing came. At end of stream, throws. */
    private int readSocket() throws IOException {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn.flip(), netIn.capacity() * 2).compact(); // a record larger than announced
        }
        int n = channel.read(netIn);
        if (n < 0) {
            if (inboundDone) {
                return 0;
            }
            inboundDone = true;
            try {
                engine.closeInbound(); // throws: the peer closed without close_notify
            } catch (SSLException e) {
                throw new SSLException(handshakeDone
                        ? "the peer closed the connection without TLS close_notify; the data may be truncated"
                        : "the peer closed the connection during the TLS handshake", e);
            }
            return 0;
        }
        netInFresh = n > 0;
        return n;
    }

    /** One unwrap of {@code netIn} into {@code appIn}, growing either when the engine asks. */
    private SSLEngineResult unwrap() throws IOException {
        netIn.flip();
        appIn.compact();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
            appIn.flip();
        }
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> netInFresh = false;
            case BUFFER_OVERFLOW -> appIn = grow(appIn, appIn.remaining()
                    + engine.getSession().getApplicationBufferSize());
            case CLOSED -> inboundDone = true; // close_notify: end of stream
            default -> afterHandshakeStep(r.getHandshakeStatus());
        }
        return r;
    }

    /** One wrap of {@code src} into the empty {@code netOut}, growing it when the engine asks. */
    private SSLEngineResult wrap(ByteBuffer[] src) throws IOException {
        netOut.compact();
        SSLEngineResult r;
        try {
            r = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        switch (r.getStatus()) {
            case BUFFER_OVERFLOW -> netOut = grow(netOut, netOut.remaining()
                    + engine.getSession().getPacketBufferSize());
            case CLOSED -> {
                if (!closeNotifyQueued) {
                    throw new SSLException("the TLS session is closed for writing");
                }
            }
            default -> afterHandshakeStep(r.getHandshakeStatus());
        }
        return r;
    }

    /**
     * After the handshake: TLS 1.3 messages that need an answer (a key update) are answered at once; a
     * TLS 1.2 renegotiation is refused, because it would change the peer's identity under a running stream.
     */
    private void afterHandshakeStep(HandshakeStatus status) throws IOException {
        if (!handshakeDone || status == HandshakeStatus.FINISHED
                || status == HandshakeStatus.NOT_HANDSHAKING) {
            return;
        }
        if (!"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("TLS renegotiation is refused");
        }
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && !netOut.hasRemaining()) {
            wrap(new ByteBuffer[0]);
        }
    }

    /** A buffer of at least {@code capacity} holding {@code b}'s remaining bytes, in draining mode. */
    private static ByteBuffer grow(ByteBuffer b, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(capacity, b.remaining()));
        return bigger.put(b).flip();
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
