package dev.lasti.http;

import dev.lasti.Future;
import java.nio.charset.StandardCharsets;

/**
 * Where a {@link StreamingBody} writes a response body, piece by piece. Each write's future completes when
 * its bytes have been handed to the kernel, so a body that awaits every write holds at most one piece in
 * memory however slowly the client reads: that is the backpressure. Loop thread only.
 */
public interface BodySink {
    /**
     * Sends {@code bytes} (copied; an empty array sends nothing) as the next piece of the body. Fails with
     * {@link dev.lasti.net.StreamClosedException} if the client is gone, or a {@link
     * java.util.concurrent.TimeoutException} if the piece is not taken within the server's body timeout.
     */
    Future<Void> write(byte[] bytes);

    /** Sends {@code text} as UTF-8. */
    default Future<Void> write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }
}
