package dev.lasti.http;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.net.TcpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An HTTP/1.1 server on the current event loop (Tornado's {@code HTTPServer}): keep-alive and pipelining,
 * {@code Content-Length} and chunked request bodies (read whole, or streamed by a {@link
 * HttpHandler#streaming} handler), streaming responses ({@link StreamingBody}), size limits and timeouts
 * from {@link HttpServerOptions}. Requests it cannot take get a status and a close: 400 malformed (a bare
 * LF, a missing {@code Host}), 413 body too large, 431 headers too large, 501 a {@code Transfer-Encoding}
 * other than {@code chunked}, 505 bad version. A failed handler gets a 500 on a connection that stays open.
 * Route with a {@link Router}.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.bind(8888, request -> hello(request));   // on 127.0.0.1
 * }</pre>
 *
 * Bind and close it on its loop's thread; {@link #close} and {@link #closeGracefully} throw {@link
 * IllegalStateException} on any other.
 */
public final class HttpServer {
    private final EventLoop loop;
    private final TcpServer tcp;
    /** The connections being served, so a shutdown can close the idle ones at once. */
    private final Set<HttpConnection> connections;

    private HttpServer(EventLoop loop, TcpServer tcp, Set<HttpConnection> connections) {
        this.loop = loop;
        this.tcp = tcp;
        this.connections = connections;
    }

    /** Serves on 127.0.0.1 at {@code port} (0 picks a free one) with the default options. */
    public static HttpServer bind(int port, HttpHandler handler) {
        return bind("127.0.0.1", port, handler, HttpServerOptions.defaults());
    }

    /** Serves on {@code host} at {@code port} with the default options. */
    public static HttpServer bind(String host, int port, HttpHandler handler) {
        return bind(host, port, handler, HttpServerOptions.defaults());
    }

    /**
     * Serves on {@code host} at {@code port} with {@code options}.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static HttpServer bind(String host, int port, HttpHandler handler, HttpServerOptions options) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        Set<HttpConnection> connections = new HashSet<>();
        TcpServer tcp = TcpServer.listen(address, options.transport(), stream -> {
            HttpConnection connection = new HttpConnection(stream, handler, options);
            connections.add(connection);
            return connection.serve().whenDone(done -> connections.remove(connection));
        });
        return new HttpServer(EventLoop.current(), tcp, connections);
    }

    /** Closing races with the loop's own use of the connections: loop thread only. */
    private void checkThread() {
        if (!loop.isCurrent()) {
            throw new IllegalStateException("an HttpServer is closed on its loop's thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    /** The bound address, with the real port. */
    public InetSocketAddress localAddress() {
        return tcp.localAddress();
    }

    /** The bound port. */
    public int port() {
        return tcp.localAddress().getPort();
    }

    /** Stops accepting connections; open ones go on. */
    public void close() {
        checkThread();
        tcp.close();
    }

    /**
     * Stops accepting and closes the idle keep-alive connections. Connections in the middle of a request
     * get their response, with {@code Connection: close}. Those still open after {@code timeout} are
     * closed. The future completes when no connection is left.
     */
    public Future<Void> closeGracefully(Duration timeout) {
        checkThread();
        tcp.close();
        List.copyOf(connections).forEach(HttpConnection::shutdown);
        return tcp.closeGracefully(timeout);
    }
}
