package dev.lasti.net;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The read side of a {@link TcpStream}: its input buffer, its one pending read, and whether the peer has
 * ended its output. The stream owns the socket's lifecycle: a transport failure propagates from here as
 * an {@link IOException}, and the stream closes itself and calls {@link #close}. Loop thread only.
 */
final class StreamInput {
    private final Transport io;
    private final ReadBuffer buffer = new ReadBuffer();
    private ReadRequest<?> pending;
    private boolean eof;
    private boolean closed;
    /** Set while {@link #deliver} runs, so completions that start the next read just queue it. */
    private boolean delivering;

    StreamInput(Transport io) {
        this.io = io;
    }

    /** Whether a read is pending that was not cancelled: a second one would be refused. */
    boolean busy() {
        return pending != null && !pending.promise().isDone();
    }

    /** Whether a read is pending (perhaps cancelled, not yet dropped): readiness is worth serving. */
    boolean hasPending() {
        return pending != null;
    }

    /** Whether the peer has ended its output. */
    boolean atEof() {
        return eof;
    }

    /** Makes {@code request} the pending read (the caller checked {@link #busy}) and serves it. */
    void start(ReadRequest<?> request) throws IOException {
        pending = request;
        deliver(false);
    }

    /** On readiness: one read from the transport per event (fair to other connections, never a spin). */
    void fill() throws IOException {
        deliver(true);
    }

    /** The stream is closed: fails the pending read with a fresh error from {@code error}. */
    void close(Supplier<? extends Throwable> error) {
        closed = true;
        ReadRequest<?> r = pending;
        pending = null;
        if (r != null) {
            r.promise().fail(error.get());
        }
    }

    /**
     * Hands buffered bytes to the pending read while they satisfy it. Completing a read runs the reader's
     * callbacks, which may start the next read; the loop here then serves it, instead of recursing.
     */
    private void deliver(boolean readFirst) throws IOException {
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            if (readFirst) {
                readOnce();
            }
            while (pending != null && !closed) {
                if (!serve(pending)) {
                    if (eof || !io.hasBufferedInput()) {
                        break;
                    }
                    readOnce(); // TLS: decrypted bytes are held that no readiness event will announce
                }
            }
        } finally {
            delivering = false;
        }
    }

    /** Completes (or drops, if cancelled) {@code r} if the buffer satisfies it; {@code false} for more. */
    private <T> boolean serve(ReadRequest<T> r) {
        int n;
        try {
            n = r.promise().isDone() ? 0 : r.available(buffer, eof); // done: the reader cancelled
        } catch (IOException | RuntimeException e) { // RuntimeException: a Framer is the caller's code
            pending = null;
            r.promise().fail(e);
            return true;
        }
        if (n == ReadRequest.MORE) {
            return false;
        }
        pending = null; // before completing: the callbacks may start the next read
        if (!r.promise().isDone()) {
            r.deliver(buffer, n);
        }
        return true;
    }

    /**
     * Reads once from the transport. When nothing is buffered and a {@code read(ByteBuffer)} waits, the
     * bytes go straight into the reader's buffer: no copy through ours, and for TLS one copy out of the
     * session's decrypted bytes.
     */
    private void readOnce() throws IOException {
        if (buffer.size() == 0 && pending instanceof ReadRequest.Into r
                && !r.promise().isDone() && r.into().hasRemaining()) {
            readInto(r);
        } else if (buffer.fillFrom(io) < 0) {
            eof = true; // stop reading: the selector would report an EOF channel readable forever
        }
    }

    private void readInto(ReadRequest.Into r) throws IOException {
        int at = r.into().position();
        int n = io.read(r.into());
        if (n < 0) {
            eof = true; // the request is then completed with -1 by serve()
        } else if (n > 0) {
            pending = null;
            if (!r.promise().complete(n)) {
                // Cancelled from another thread during the read: keep the bytes for the next read, and
                // leave the caller's buffer as it was.
                buffer.append(r.into(), at, n);
                r.into().position(at);
            }
        }
    }
}
