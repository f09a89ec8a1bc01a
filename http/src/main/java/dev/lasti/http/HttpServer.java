package dev.lasti.http;

import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>{@link #bind(EventLoopGroup, String, int, HttpHandler, HttpServerOptions)} serves on every loop of a
 * group (one loop per core by default): each connection, with its requests and handlers, stays on the loop
 * that accepted it (see {@code TcpServer.listen(group, ...)}), so a handler's loop-confined state needs no
 * locks.
 *
 * <p>Bind a server on one loop on that loop's thread, and a server on a group from any thread. {@link
 * #close} and {@link #closeGracefully} work from any thread: each loop does its part on its own thread.
 */
public final class HttpServer {
    private final TcpServer tcp;
    private final Served served;

    private HttpServer(TcpServer tcp, Served served) {
        this.tcp = tcp;
        this.served = served;
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
     * Serves on {@code host} at {@code port} with {@code options}, on the current loop. Call on a loop
     * thread.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static HttpServer bind(String host, int port, HttpHandler handler, HttpServerOptions options) {
        Served served = new Served(List.of(EventLoop.current()), handler, options);
        return new HttpServer(TcpServer.listen(new InetSocketAddress(host, port), options.transport(), served::serve),
                served);
    }

    /**
     * Serves on {@code host} at {@code port} with {@code options} on every loop of {@code group}. Any
     * thread; the port is bound when this returns. The transport options' connection limit applies to
     * each loop.
     *
     * @throws java.io.UncheckedIOException if the address cannot be bound
     */
    public static HttpServer bind(EventLoopGroup group, String host, int port, HttpHandler handler,
            HttpServerOptions options) {
        Served served = new Served(group.loops(), handler, options);
        return new HttpServer(TcpServer.listen(group, new InetSocketAddress(host, port), options.transport(),
                served::serve), served);
    }

    /** The connections being served on each loop, so a shutdown can close the idle ones at once. */
    private static final class Served {
        /** Each loop's set is touched only on that loop. */
        private final Map<EventLoop, Set<HttpConnection>> connections = new HashMap<>();
        private final HttpHandler handler;
        private final HttpServerOptions options;
        /** Set by a graceful close: a connection still arriving on its loop is told to drain at once. */
        private volatile boolean closing;

        Served(List<EventLoop> loops, HttpHandler handler, HttpServerOptions options) {
            loops.forEach(loop -> connections.put(loop, new HashSet<>()));
            this.handler = handler;
            this.options = options;
        }

        /** One connection, on its stream's loop. */
        Future<Void> serve(TcpStream stream) {
            Set<HttpConnection> mine = connections.get(stream.loop());
            HttpConnection connection = new HttpConnection(stream, handler, options);
            mine.add(connection);
            Future<Void> done = connection.serve().whenDone(f -> mine.remove(connection));
            if (closing) {
                connection.shutdown(); // accepted while the server was closing: answer at most what is in flight
            }
            return done;
        }

        /** On every loop, in its next iteration (at once on the calling loop): idle connections close. */
        void shutdown() {
            closing = true;
            connections.forEach((loop, mine) -> loop.runOnLoop(() -> List.copyOf(mine).forEach(HttpConnection::shutdown)));
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

    /** Stops accepting connections; open ones go on. Any thread. */
    public void close() {
        tcp.close();
    }

    /**
     * Stops accepting and closes the idle keep-alive connections. Connections in the middle of a request
     * get their response, with {@code Connection: close}. Those still open after {@code timeout} are
     * closed. The future completes when no connection is left, on any loop. Any thread.
     */
    public Future<Void> closeGracefully(Duration timeout) {
        tcp.close();
        served.shutdown();
        return tcp.closeGracefully(timeout);
    }
}
