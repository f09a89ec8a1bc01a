package dev.lasti.http;

import dev.lasti.Future;
import dev.lasti.net.TcpServer;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A small HTTP/1.1 server on the current event loop (Tornado's {@code HTTPServer}): keep-alive,
 * {@code Content-Length} bodies, size limits and timeouts from {@link HttpServerOptions}. Requests it
 * cannot take get a status and a close: 400 malformed, 413 body too large, 431 headers too large, 501
 * unsupported {@code Transfer-Encoding} (chunked request bodies included), 505 bad version.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.bind(8888, request -> hello(request));   // on 127.0.0.1
 * }</pre>
 *
 * Bind and close it on its loop's thread.
 */
public final class HttpServer {
    private final TcpServer tcp;

    private HttpServer(TcpServer tcp) {
        this.tcp = tcp;
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
        return new HttpServer(TcpServer.listen(address, TcpServer.DEFAULT_BACKLOG,
                stream -> new HttpConnection(stream, handler, options).serve()));
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
        tcp.close();
    }

    /**
     * Stops accepting, waits up to {@code timeout} for open connections (idle keep-alive ones included) to
     * end, then closes the rest.
     */
    public Future<Void> closeGracefully(Duration timeout) {
        return tcp.closeGracefully(timeout);
    }
}
