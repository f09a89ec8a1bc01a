package dev.lasti.net;

import dev.lasti.Promise;
import java.io.IOException;

/**
 * The kinds of read a {@link TcpStream} can have pending, each deciding when the buffered bytes satisfy it
 * (Tornado's {@code _read_bytes}, {@code _read_delimiter}, {@code _read_partial} flags, as one sealed type).
 */
sealed interface ReadRequest {
    /** Returned by {@link #available} when more input is needed. */
    int MORE = -1;

    /** Completed with the bytes once the request is satisfied. */
    Promise<byte[]> promise();

    /**
     * How many buffered bytes to hand over now, or {@link #MORE}.
     *
     * @param eof whether the peer has ended its output, so no more bytes will come
     * @throws IOException if the request can never be satisfied
     */
    int available(ReadBuffer buffer, boolean eof) throws IOException;

    /** {@link TcpStream#read}: whatever is buffered, at least one byte; none at end of stream. */
    record Some(int maxBytes, Promise<byte[]> promise) implements ReadRequest {
        @Override
        public int available(ReadBuffer buffer, boolean eof) {
            int n = Math.min(buffer.size(), maxBytes);
            return n > 0 || eof ? n : MORE;
        }
    }

    /** {@link TcpStream#readExactly}: exactly {@code n} bytes. */
    record Exactly(int n, Promise<byte[]> promise) implements ReadRequest {
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
    record Until(byte[] delimiter, int maxBytes, Promise<byte[]> promise) implements ReadRequest {
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
}
