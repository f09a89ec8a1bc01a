package dev.lasti.net;

import dev.lasti.Promise;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The kinds of read a {@link TcpStream} can have pending, each deciding when the buffered bytes satisfy it
 * (Tornado's {@code _read_bytes}, {@code _read_delimiter}, {@code _read_partial} flags, as one sealed type)
 * and how it hands them over: as a new array ({@link Bytes}) or copied into the reader's buffer ({@link
 * Into}).
 *
 * @param <T> what the read's future completes with
 */
sealed interface ReadRequest<T> permits ReadRequest.Bytes, ReadRequest.Into {
    /** Returned by {@link #available} when more input is needed. */
    int MORE = -1;

    /** Completed with the bytes (or their count) once the request is satisfied. */
    Promise<T> promise();

    /**
     * How many buffered bytes to hand over now, or {@link #MORE}.
     *
     * @param eof whether the peer has ended its output, so no more bytes will come
     * @throws IOException if the request can never be satisfied
     */
    int available(ReadBuffer buffer, boolean eof) throws IOException;

    /**
     * Completes the promise with the first {@code n} buffered bytes ({@code n} from {@link #available}).
     * The bytes leave {@code buffer} only if the promise took them: one cancelled from another thread
     * meanwhile leaves them buffered for the next read.
     */
    void deliver(ReadBuffer buffer, int n);

    /** The reads that complete with a new array. */
    sealed interface Bytes extends ReadRequest<byte[]> permits Some, Exactly, Until, Framed {
        @Override
        default void deliver(ReadBuffer buffer, int n) {
            if (promise().complete(buffer.copy(n))) {
                buffer.skip(n);
            }
        }
    }

    /** {@link TcpStream#read(int)}: whatever is buffered, at least one byte; none at end of stream. */
    record Some(int maxBytes, Promise<byte[]> promise) implements Bytes {
        @Override
        public int available(ReadBuffer buffer, boolean eof) {
            int n = Math.min(buffer.size(), maxBytes);
            return n > 0 || eof ? n : MORE;
        }
    }

    /** {@link TcpStream#readExactly}: exactly {@code n} bytes. */
    record Exactly(int n, Promise<byte[]> promise) implements Bytes {
        @Override
        public int available(ReadBuffer buffer, boolean eof) throws IOException {
            if (buffer.size() >= n) {
                return n;
            }
            if (eof) {
                throw new StreamClosedException("the stream ended after " + buffer.size()
                        + " of " + n + " bytes");
            }
            return MORE;
        }
    }

    /** {@link TcpStream#readUntil}: up to and including {@code delimiter}, within {@code maxBytes}. */
    record Until(byte[] delimiter, int maxBytes, Promise<byte[]> promise) implements Bytes {
        @Override
        public int available(ReadBuffer buffer, boolean eof) throws IOException {
            int at = buffer.indexOf(delimiter, maxBytes);
            if (at >= 0) {
                return at + delimiter.length;
            }
            if (buffer.size() >= maxBytes) {
                throw new ReadLimitException("no delimiter within " + maxBytes + " bytes");
            }
            if (eof) {
                throw new StreamClosedException("the stream ended before the delimiter, after "
                        + buffer.size() + " bytes");
            }
            return MORE;
        }
    }

    /** {@link TcpStream#readFrame}: as many bytes as {@code framer} says, within {@code maxBytes}. */
    record Framed(Framer framer, int maxBytes, Promise<byte[]> promise) implements Bytes {
        @Override
        public int available(ReadBuffer buffer, boolean eof) throws IOException {
            int seen = Math.min(buffer.size(), maxBytes);
            int n = seen == 0 ? Framer.MORE : framer.frameLength(buffer.view(seen));
            if (n == Framer.MORE) {
                if (seen >= maxBytes) {
                    throw new ReadLimitException("no complete frame within " + maxBytes + " bytes");
                }
                if (eof) {
                    throw new StreamClosedException("the stream ended before the frame was complete, after "
                            + buffer.size() + " bytes");
                }
                return MORE;
            }
            if (n < 1 || n > seen) {
                throw new IllegalStateException("the framer " + framer + " returned " + n + " for " + seen
                        + " bytes: a frame length must be from 1 to that, or Framer.MORE");
            }
            return n;
        }
    }

    /**
     * {@link TcpStream#read(ByteBuffer)}: at least one byte and at most {@code into.remaining()}, copied
     * into {@code into}; the count, or -1 at end of stream. When nothing is buffered, {@link StreamInput}
     * reads from the transport straight into {@code into} instead, and completes the promise itself.
     */
    record Into(ByteBuffer into, Promise<Integer> promise) implements ReadRequest<Integer> {
        @Override
        public int available(ReadBuffer buffer, boolean eof) {
            if (buffer.size() == 0) {
                return eof ? 0 : MORE;
            }
            // A caller that used up its buffer's room while the read was pending would wait forever (and
            // the stream would buffer without bound): fail the read instead. StreamInput reports it.
            if (!into.hasRemaining()) {
                throw new IllegalStateException("the buffer of a pending read(ByteBuffer) was changed to have "
                        + "no room left; leave it alone until the read completes");
            }
            return Math.min(buffer.size(), into.remaining());
        }

        @Override
        public void deliver(ReadBuffer buffer, int n) {
            if (n == 0) { // available() returns 0 only at end of stream with nothing buffered
                promise.complete(-1);
                return;
            }
            int at = into.position();
            buffer.copyTo(into, n);
            if (promise.complete(n)) {
                buffer.skip(n);
            } else {
                into.position(at); // cancelled from another thread meanwhile: leave the buffer as it was
            }
        }
    }
}
