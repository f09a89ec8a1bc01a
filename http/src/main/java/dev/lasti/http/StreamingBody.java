package dev.lasti.http;

import dev.lasti.Future;

/**
 * A response body produced while it is sent, for large or endless responses (downloads, server-sent
 * events). The server writes the head, then calls {@link #writeTo} once; the body ends when the returned
 * future completes. Without a {@code Content-Length} header the body goes out chunked (HTTP/1.1) or until
 * the connection closes (HTTP/1.0); with one, exactly that many bytes must be written.
 *
 * <pre>{@code
 * @Async Future<Void> countdown(BodySink out) {
 *     for (int i = 3; i > 0; i--) {
 *         await(out.write("data: " + i + "\n\n"));
 *         await(EventLoop.sleep(Duration.ofSeconds(1)));
 *     }
 *     return Future.completed(null);
 * }
 * ...
 * return Future.completed(HttpResponse.status(200).header("Content-Type", "text/event-stream").body(this::countdown));
 * }</pre>
 *
 * If the future fails, or the client leaves, the connection is closed (the status line has gone out).
 */
@FunctionalInterface
public interface StreamingBody {
    /** Writes the body to {@code out}, awaiting each write; runs on the loop thread. */
    Future<Void> writeTo(BodySink out);
}
