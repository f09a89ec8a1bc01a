package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * A non-blocking TCP connection on an {@link EventLoop}, in the style of Tornado's {@code IOStream}: every
 * operation returns a {@link Future} that an {@code @Async} method awaits.
 *
 * <pre>{@code
 * TcpStream stream = await(TcpStream.connect(address, Duration.ofSeconds(5)));
 * await(stream.write("GET / HTTP/1.0\r\n\r\n".getBytes(US_ASCII)));
 * byte[] statusLine = await(stream.readUntil("\r\n".getBytes(US_ASCII), 8192));
 * }</pre>
 *
 * <p><b>Threading.</b> A stream belongs to the loop that created it; call it on that loop's thread only.
 *
 * <p><b>Reads.</b> At most one read is pending at a time. The stream reads from the socket only while a read
 * is pending, so a handler that stops reading pushes back on its peer through TCP flow control. Bytes that
 * arrive beyond what a read asked for stay buffered for the next read. {@link #read(ByteBuffer)} fills the
 * caller's buffer instead of returning a new array: a loop that reuses one buffer allocates none per read.
 *
 * <p><b>End of stream.</b> When the peer shuts down its output, {@link #read(int)} completes with an empty
 * array and {@link #read(ByteBuffer)} with -1 (once the buffered bytes are consumed, and again on every
 * later call), while {@link #readExactly} and {@link #readUntil} fail with {@link StreamClosedException}
 * if the bytes they need can no longer come. The stream stays open for writing until {@link #close()}
 * (the peer may be half-closed).
 *
 * <p><b>Writes.</b> Any number of writes may be queued. A write's future completes when all its bytes have
 * been handed to the kernel; so a peer that stops reading keeps it pending, and awaiting each write bounds
 * the memory a producer can queue. Writes are copied, so the caller may reuse its array at once. (A
 * {@link #write(ByteBuffer)} hands the kernel what it takes straight from the caller's buffer and copies
 * the rest, so that buffer too may be reused as soon as the call returns.)
 *
 * <p><b>Closing.</b> After {@link #close()}, or after an I/O error such as a reset by the peer, pending and
 * later operations fail with {@link StreamClosedException}; its cause is the I/O error, if any.
 *
 * <p><b>TLS.</b> A stream from {@link #connectTls} or a TLS {@link TcpServer} works the same way, in
 * plaintext; {@link #tlsSession()} tells them apart. Its close sends {@code close_notify}, and a peer's
 * FIN without one fails the read as possibly truncated (see {@code docs/networking.md}).
 */
public final class TcpStream {
    /** What a task awaiting a read waits for, in task snapshots. */
    private static final String READ = "socket read";
    /** What a write that the kernel took at once returns: done, and immutable, so one serves them all. */
    private static final Future<Void> WRITTEN = Future.completed(null);

    private final EventLoop loop;
    private final SocketChannel channel;
    /** The socket itself, or TLS over it: every read and write of stream data goes through it. */
    private final Transport io;
    /** Replaced when the loop rebuilds its selector (see {@link Ready#rekeyed}). */
    private SelectionKey key;
    private final StreamInput input;
    private final WriteQueue output = new WriteQueue();
    /** Set while {@link #flush} runs, so completions that write again just queue. */
    private boolean flushing;
    /** Non-null once {@link #shutdownOutput()} was asked for; completed when the FIN is sent. */
    private Promise<Void> outputShutdown;
    /** Non-null once closed: the message and cause that later operations fail with. */
    private String closedMessage;
    private Throwable closedCause;

    /**
     * Wraps a connected channel and registers it with {@code loop} (no interest yet). If the channel was
     * registered for {@code OP_CONNECT}, that registration is reused and its interest dropped.
     */
    TcpStream(EventLoop loop, SocketChannel channel) throws IOException {
        this(loop, channel, new Transport.Plain(channel));
    }

    /** A stream over an established TLS session (see {@link TlsHandshake}). */
    TcpStream(EventLoop loop, SocketChannel channel, Transport io) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.io = io;
        this.input = new StreamInput(io);
        // Requests and responses are often written in two small pieces; Nagle would hold the second one
        // back until the first is acknowledged, which costs a delayed-ACK timeout (40 ms on Linux).
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.key = loop.register(channel, 0, new Ready());
    }

    /** The stream's selector callback; a class rather than a method reference, to learn a new key. */
    private final class Ready implements EventLoop.IoHandler {
        @Override
        public void ready(SelectionKey k) {
            onReady(k);
        }

        @Override
        public void rekeyed(SelectionKey k) {
            key = k;
        }

        /** The loop shuts down: fail the pending read and writes now, while their callbacks can still run. */
        @Override
        public void loopClosing(SelectionKey k) {
            closeWith("the event loop has shut down", null);
        }
    }

    /**
     * Connects to {@code address} on the current loop. The future fails with a {@link
     * java.net.SocketTimeoutException} if the connection is not established within {@code timeout}, or
     * with the {@link IOException} of the attempt (for example {@link java.net.ConnectException}).
     * Cancelling the future abandons the attempt and closes the socket.
     */
    public static Future<TcpStream> connect(InetSocketAddress address, Duration timeout) {
        return Connector.connect(EventLoop.current(), address, timeout);
    }

    /**
     * Connects to {@code address} and runs a TLS handshake as a client of {@code context}: {@code hostName}
     * is sent for SNI and checked against the server's certificate (HTTPS rules). The future fails with
     * the engine's {@link javax.net.ssl.SSLException} when the handshake fails (a certificate that does
     * not verify, say), or with a {@link java.net.SocketTimeoutException} when connecting or the
     * handshake each take longer than {@code timeout}. The stream then reads and writes plaintext.
     */
    public static Future<TcpStream> connectTls(
            InetSocketAddress address, String hostName, SSLContext context, Duration timeout) {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(context, "context");
        return Connector.connect(EventLoop.current(), address, timeout,
                channel -> TlsHandshake.start(EventLoop.current(), channel,
                        Tls.clientEngine(context, hostName, address.getPort()), timeout));
    }

    /** The TLS session of a stream made by {@link #connectTls} or a TLS server; empty for plain TCP. */
    public Optional<SSLSession> tlsSession() {
        return io instanceof TlsSession tls ? Optional.of(tls.session()) : Optional.empty();
    }

    /**
     * Reads at least one and at most {@code maxBytes} bytes: whatever is buffered, or the next bytes to
     * arrive. At end of stream it completes with an empty array.
     */
    public Future<byte[]> read(int maxBytes) {
        requirePositive(maxBytes, "maxBytes");
        return startRead(new ReadRequest.Some(maxBytes, Promise.described(READ)));
    }

    /**
     * Reads at least one byte and at most {@code into.remaining()} into {@code into}, like {@link
     * java.nio.channels.ReadableByteChannel#read}: the bytes go at its position, which advances past them,
     * and the future completes with their count; at end of stream it completes with -1 (and again on
     * every later call). The bytes come from the stream's buffer, or, when none are buffered, straight
     * from the socket into {@code into}, so a read allocates no array. A direct buffer saves the JDK's
     * copy through its own. {@code into} belongs to the stream until the future completes: do not touch
     * it meanwhile. If the future is cancelled, the bytes that arrive stay buffered for the next read, and
     * nothing is written into {@code into} (a cancellation from another thread that races with the socket
     * read may leave bytes beyond its position, but the position does not move and no byte is lost).
     *
     * @throws IllegalArgumentException if {@code into} is read-only or has no room ({@code remaining()}
     *     is 0), since no byte could ever be read into it
     */
    public Future<Integer> read(ByteBuffer into) {
        if (Objects.requireNonNull(into, "into").isReadOnly()) {
            throw new IllegalArgumentException("cannot read into a read-only buffer");
        }
        if (!into.hasRemaining()) {
            throw new IllegalArgumentException("the buffer has no room: remaining() is 0");
        }
        return startRead(new ReadRequest.Into(into, Promise.described(READ)));
    }

    /**
     * Reads exactly {@code n} bytes. Fails with {@link StreamClosedException} if the stream ends first; the
     * bytes that did arrive stay buffered.
     */
    public Future<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return startRead(new ReadRequest.Exactly(n, Promise.described(READ)));
    }

    /**
     * Reads up to and including the first occurrence of {@code delimiter}. Fails with {@link
     * ReadLimitException} if {@code maxBytes} bytes arrive without it (the delimiter must end within
     * them), and with {@link StreamClosedException} if the stream ends first.
     */
    public Future<byte[]> readUntil(byte[] delimiter, int maxBytes) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("the delimiter must not be empty");
        }
        requirePositive(maxBytes, "maxBytes");
        return startRead(new ReadRequest.Until(delimiter.clone(), maxBytes, Promise.described(READ)));
    }

    /**
     * Reads one message whose end {@code framer} finds (see {@link Framer}): the bytes from the stream's
     * position up to the length it returns. Fails with {@link ReadLimitException} if {@code maxBytes}
     * bytes are buffered and the framer still asks for more, with {@link StreamClosedException} if the
     * stream ends first, and with whatever the framer throws; the bytes stay buffered in every case.
     */
    public Future<byte[]> readFrame(Framer framer, int maxBytes) {
        requirePositive(maxBytes, "maxBytes");
        return startRead(new ReadRequest.Framed(Objects.requireNonNull(framer, "framer"), maxBytes,
                Promise.described(READ)));
    }

    /** Queues {@code data} for writing; see the class comment for when the future completes. */
    public Future<Void> write(byte[] data) {
        return write(ByteBuffer.wrap(data));
    }

    /** Queues the remaining bytes of {@code data} (consuming them) for writing. */
    public Future<Void> write(ByteBuffer data) {
        checkThread();
        if (closedMessage != null) {
            return Future.failed(closedError());
        }
        if (outputShutdown != null) {
            return Future.failed(new StreamClosedException("the output of this stream was shut down"));
        }
        if (output.isEmpty() && !flushing) {
            // Nothing is queued ahead of these bytes, so hand them to the kernel straight from the caller's
            // buffer: a small write (an echo, a response) then costs no copy, no queue entry and no promise.
            // Only what the kernel does not take is copied and queued.
            try {
                io.write(data);
            } catch (IOException e) {
                closeWith("the connection failed while writing: " + e.getMessage(), e);
                return Future.failed(closedError());
            }
            if (!data.hasRemaining()) {
                if (io.hasOwnOutput()) {
                    updateInterest(); // TLS: the last record waits for OP_WRITE
                }
                return WRITTEN;
            }
        }
        Promise<Void> written = output.add(data);
        flush();
        return written;
    }

    /**
     * Half-closes the connection: once the queued writes are sent, the peer sees end of stream. Reading
     * goes on. The future completes when the shutdown is done; later writes fail.
     */
    public Future<Void> shutdownOutput() {
        checkThread();
        if (closedMessage != null) {
            return Future.failed(closedError());
        }
        if (outputShutdown == null) {
            outputShutdown = new Promise<>();
            if (output.isEmpty() && !io.hasOwnOutput()) {
                sendFin();
            }
        }
        return outputShutdown;
    }

    /**
     * Closes the connection at once. Queued writes that were not sent are dropped; their futures, and a
     * pending read, fail with {@link StreamClosedException}. Closing twice does nothing.
     */
    public void close() {
        checkThread();
        closeWith("the stream is closed", null);
    }

    /** Returns {@code true} once the stream is closed, by {@link #close()} or by an I/O error. */
    public boolean isClosed() {
        return closedMessage != null;
    }

    /** The address of the peer, or {@code null} if it is no longer known. */
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) address(true);
    }

    /** The local address of the connection, or {@code null} if it is no longer known. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) address(false);
    }

    /** The loop this stream runs on. */
    public EventLoop loop() {
        return loop;
    }

    private <T> Future<T> startRead(ReadRequest<T> request) {
        checkThread();
        if (closedMessage != null) {
            return Future.failed(closedError());
        }
        if (input.busy()) {
            return Future.failed(new IllegalStateException(
                    "a read is already pending on this stream; await it before reading again"));
        }
        try {
            input.start(request);
        } catch (IOException e) {
            readFailed(e);
        }
        updateInterest();
        return request.promise();
    }

    /** Runs on the loop thread when the selector reports the channel ready. */
    private void onReady(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && closedMessage == null && key.isValid()) {
            if (!input.hasPending()) {
                // OP_READ outlived the last read (see updateInterest) and nobody reads now: stop listening
                // and leave the bytes in the kernel, so that TCP flow control pushes back on the peer.
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
                return;
            }
            try {
                input.fill();
            } catch (IOException e) {
                readFailed(e);
            }
            updateInterest();
        }
    }

    private void readFailed(IOException e) {
        closeWith("the connection failed while reading: " + e.getMessage(), e);
    }

    /** Writes queued output until it is all sent or the kernel's buffer is full. */
    private void flush() {
        if (flushing || closedMessage != null) {
            return;
        }
        flushing = true;
        try {
            while (!output.isEmpty() && closedMessage == null) {
                long n = output.writeTo(io);
                output.completeWritten();
                if (n == 0 && !output.isEmpty()) {
                    break; // the kernel buffer is full: OP_WRITE tells us when there is room again
                }
            }
            if (closedMessage == null) {
                io.flushOwn(); // TLS: a record left over from the last write, or close_notify
            }
        } catch (IOException e) {
            flushing = false;
            closeWith("the connection failed while writing: " + e.getMessage(), e);
            return;
        } finally {
            flushing = false;
        }
        if (output.isEmpty() && outputShutdown != null && !outputShutdown.isDone()) {
            sendFin();
        }
        updateInterest();
    }

    private void sendFin() {
        try {
            if (io.shutdownOutput()) {
                outputShutdown.complete(null);
            } // else TLS: close_notify waits for OP_WRITE, and flush() comes back here
        } catch (IOException e) {
            closeWith("the connection failed while shutting down output: " + e.getMessage(), e);
        }
    }

    /**
     * OP_READ while a read waits for bytes that can still come; OP_WRITE only while output is queued.
     * OP_READ is dropped lazily: it stays after a read completes, because the reader usually starts the
     * next read before the selector looks again (a request/response loop), and every change of interest
     * costs a trip through the selector's update queue. {@link #onReady} drops it if the socket turns
     * readable while no read is pending.
     */
    private void updateInterest() {
        if (closedMessage != null || !key.isValid()) {
            return;
        }
        int current = key.interestOps();
        boolean read = !input.atEof() && (input.hasPending() || (current & SelectionKey.OP_READ) != 0);
        boolean write = !output.isEmpty() || io.hasOwnOutput();
        int ops = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
        if (current != ops) {
            key.interestOps(ops);
        }
    }

    private void closeWith(String message, Throwable cause) {
        if (closedMessage != null) {
            return;
        }
        closedMessage = message;
        closedCause = cause;
        key.cancel();
        try {
            io.close(); // TLS: close_notify first, if the kernel takes it at once
        } catch (IOException e) {
            // Nothing left to do for a socket we are discarding; the stream reports itself closed anyway.
        }
        input.close(this::closedError);
        output.failAll(this::closedError);
        if (outputShutdown != null && !outputShutdown.isDone()) {
            outputShutdown.fail(closedError());
        }
    }

    /** A fresh exception per failed future, so each awaiting task gets its own stack trace. */
    private StreamClosedException closedError() {
        return new StreamClosedException(closedMessage, closedCause);
    }

    private SocketAddress address(boolean remote) {
        try {
            return remote ? channel.getRemoteAddress() : channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private void checkThread() {
        if (!loop.isCurrent()) { // one thread-local read; this runs on every read and write
            throw new IllegalStateException("a TcpStream is used on its own loop's thread only, not on "
                    + Thread.currentThread().getName());
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return "TcpStream[" + Objects.toString(remoteAddress(), "?") + (isClosed() ? ", closed]" : "]");
    }
}
