package dev.lasti.net;

import java.io.IOException;

/**
 * Thrown (as the failure of a stream operation's future) when a {@link TcpStream} is closed, or its input
 * ended before a read could be satisfied, or its output was shut down. When the peer reset the connection
 * or an I/O error closed the stream, {@link #getCause()} holds that error.
 */
public class StreamClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A closed stream without an underlying error. */
    public StreamClosedException(String message) {
        super(message);
    }

    /** A stream closed because of {@code cause}, for example a connection reset by the peer. */
    public StreamClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
