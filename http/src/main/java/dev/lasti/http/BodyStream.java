package dev.lasti.http;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lasti.Async;
import dev.lasti.Future;
import dev.lasti.net.TcpStream;
import java.time.Duration;

/** The server's {@link BodySink}: frames each piece (chunked, or counted against a Content-Length). */
final class BodyStream implements BodySink {
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(US_ASCII);

    private final TcpStream stream;
    private final boolean chunked;
    /** The declared Content-Length, or -1. */
    private final long length;
    private final Duration timeout;
    private long written;
    private boolean finished;

    BodyStream(TcpStream stream, boolean chunked, long length, Duration timeout) {
        this.stream = stream;
        this.chunked = chunked;
        this.length = length;
        this.timeout = timeout;
    }

    @Override
    public Future<Void> write(byte[] bytes) {
        if (finished) {
            return Future.failed(new IllegalStateException("the response body has ended"));
        }
        if (bytes.length == 0) {
            return Future.completed(null); // a zero-size chunk would end a chunked body
        }
        written += bytes.length;
        if (length >= 0 && written > length) {
            return Future.failed(new IllegalStateException(
                    "the body is longer than its Content-Length of " + length + " bytes"));
        }
        byte[] framed = bytes.clone();
        if (chunked) {
            byte[] size = (Integer.toHexString(bytes.length) + "\r\n").getBytes(US_ASCII);
            framed = new byte[size.length + bytes.length + 2];
            System.arraycopy(size, 0, framed, 0, size.length);
            System.arraycopy(bytes, 0, framed, size.length, bytes.length);
            framed[framed.length - 2] = '\r';
            framed[framed.length - 1] = '\n';
        }
        return stream.write(framed).withTimeout(timeout);
    }

    /** Ends the body: the last chunk, or a check that the declared length was written. */
    @Async
    Future<Void> finish() {
        finished = true;
        if (length >= 0 && written != length) {
            throw new IllegalStateException("the body wrote " + written + " of its Content-Length of " + length);
        }
        if (chunked) {
            await(stream.write(LAST_CHUNK).withTimeout(timeout));
        }
        return Future.completed(null);
    }
}
