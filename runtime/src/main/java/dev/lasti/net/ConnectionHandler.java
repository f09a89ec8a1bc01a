package dev.lasti.net;

import dev.lasti.Future;

/**
 * Serves one accepted connection of a {@link TcpServer} (Tornado's {@code TCPServer.handle_stream}).
 * Implement it with an {@code @Async} method:
 *
 * <pre>{@code
 * TcpServer.listen(0, stream -> echo(stream));
 *
 * @Async Future<Void> echo(TcpStream stream) {
 *     for (byte[] chunk; (chunk = await(stream.read(65536))).length > 0; ) {
 *         await(stream.write(chunk));
 *     }
 *     return Future.completed(null);
 * }
 * }</pre>
 *
 * The server closes the stream when the returned future completes, so await your last write first.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /** Handles the connection; runs on the loop thread. */
    Future<?> handle(TcpStream stream);
}
