package dev.lasti.http;

import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpServerOptions;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Limits, timeouts and hooks of an {@link HttpServer}. Immutable: start from {@link #defaults()} and change
 * what you need, each {@code withX} returning a copy:
 * {@code HttpServerOptions.defaults().withHeaderTimeout(Duration.ofSeconds(5))}.
 *
 * <ul>
 *   <li>{@link #maxHeaderBytes}: the request line and headers, with their CRLFs; more gets a 431.
 *   <li>{@link #maxBodyBytes}: the largest body accepted; more gets a 413.
 *   <li>{@link #headerTimeout}: how long a client may take to send a complete request head, counted from the
 *       connection's start for the first request and from the first byte for later ones (slowloris guard).
 *   <li>{@link #bodyTimeout}: how long a request body may take to arrive once its head has, and how long a
 *       response may take to be sent.
 *   <li>{@link #idleTimeout}: how long a keep-alive connection may wait for its next request.
 *   <li>{@link #handlerTimeout}: how long a handler may run before it is cancelled and the client gets a
 *       503; {@link Duration#ZERO} (the default) for no limit.
 *   <li>{@link #backlog}: the listen backlog, connections the kernel completes before the server accepts
 *       them. A burst of clients larger than this (10,000 at once, say) has handshakes dropped and retried a
 *       second or more later, which shows up as latency. The kernel caps it at {@code net.core.somaxconn}.
 *   <li>{@link #errorPage}: renders the responses the server makes itself for a request it read (500 for a
 *       failed handler, 503 for a handler timeout, and the router's 404 and 405).
 *   <li>{@link #accessLog}: one {@code System.Logger} line per request (logger {@code dev.lasti.http.access},
 *       level INFO), off by default.
 * </ul>
 *
 * Transport options (TLS, the connection limit, the backlog) are kept as the {@link TcpServerOptions} the
 * server listens with.
 */
public final class HttpServerOptions {
    private int maxHeaderBytes = 64 * 1024;
    private int maxBodyBytes = 10 * 1024 * 1024;
    private Duration headerTimeout = Duration.ofSeconds(10);
    private Duration bodyTimeout = Duration.ofSeconds(60);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration handlerTimeout = Duration.ZERO;
    private TcpServerOptions transport = TcpServerOptions.defaults();
    private ErrorPage errorPage = ErrorPage.EMPTY;
    private boolean accessLog;

    private HttpServerOptions() {}

    private HttpServerOptions copy() {
        HttpServerOptions c = new HttpServerOptions();
        c.maxHeaderBytes = maxHeaderBytes;
        c.maxBodyBytes = maxBodyBytes;
        c.headerTimeout = headerTimeout;
        c.bodyTimeout = bodyTimeout;
        c.idleTimeout = idleTimeout;
        c.handlerTimeout = handlerTimeout;
        c.transport = transport;
        c.errorPage = errorPage;
        c.accessLog = accessLog;
        return c;
    }

    /**
     * 64 KiB of headers, 10 MiB of body, 10 s for a head, 60 s for a body, 60 s idle keep-alive, no handler
     * limit, a listen backlog of {@link TcpServer#DEFAULT_BACKLOG}, empty error pages, no access log.
     */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions();
    }

    /** A copy with another header size limit, at least 64 bytes. */
    public HttpServerOptions withMaxHeaderBytes(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 64: " + bytes);
        }
        HttpServerOptions c = copy();
        c.maxHeaderBytes = bytes;
        return c;
    }

    /** A copy with another body size limit, not negative. */
    public HttpServerOptions withMaxBodyBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative: " + bytes);
        }
        HttpServerOptions c = copy();
        c.maxBodyBytes = bytes;
        return c;
    }

    /** A copy with another header timeout. */
    public HttpServerOptions withHeaderTimeout(Duration timeout) {
        HttpServerOptions c = copy();
        c.headerTimeout = positive(timeout);
        return c;
    }

    /** A copy with another body timeout. */
    public HttpServerOptions withBodyTimeout(Duration timeout) {
        HttpServerOptions c = copy();
        c.bodyTimeout = positive(timeout);
        return c;
    }

    /** A copy with another idle keep-alive timeout. */
    public HttpServerOptions withIdleTimeout(Duration timeout) {
        HttpServerOptions c = copy();
        c.idleTimeout = positive(timeout);
        return c;
    }

    /** A copy with a handler time limit; {@link Duration#ZERO} for none. */
    public HttpServerOptions withHandlerTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the handler timeout must not be negative: " + timeout);
        }
        HttpServerOptions c = copy();
        c.handlerTimeout = timeout;
        return c;
    }

    /** A copy with another listen backlog, at least 1. */
    public HttpServerOptions withBacklog(int backlog) {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        HttpServerOptions c = copy();
        c.transport = transport.withBacklog(backlog);
        return c;
    }

    /**
     * A copy that serves HTTPS with {@code context}'s key and certificate (see {@link
     * TcpServerOptions#withTls}); each connection's handshake is bounded by the TCP layer's handshake timeout.
     */
    public HttpServerOptions withTls(SSLContext context) {
        HttpServerOptions c = copy();
        c.transport = transport.withTls(context);
        return c;
    }

    /** A copy that keeps at most {@code max} connections open (see {@link TcpServerOptions#withMaxConnections}). */
    public HttpServerOptions withMaxConnections(int max) {
        HttpServerOptions c = copy();
        c.transport = transport.withMaxConnections(max);
        return c;
    }

    /** A copy whose server renders its own error responses with {@code page}. */
    public HttpServerOptions withErrorPage(ErrorPage page) {
        HttpServerOptions c = copy();
        c.errorPage = Objects.requireNonNull(page, "page");
        return c;
    }

    /** A copy with the access log on or off. */
    public HttpServerOptions withAccessLog(boolean on) {
        HttpServerOptions c = copy();
        c.accessLog = on;
        return c;
    }

    /** The options of the TCP server under the HTTP server: backlog, connection limit, TLS. */
    public TcpServerOptions transport() {
        return transport;
    }

    /** The request head size limit in bytes. */
    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** The request body size limit in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** How long a request head may take. */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** How long a request body, or the sending of a response, may take. */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** How long a keep-alive connection may wait for its next request. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How long a handler may run; {@link Duration#ZERO} for no limit. */
    public Duration handlerTimeout() {
        return handlerTimeout;
    }

    /** The listen backlog. */
    public int backlog() {
        return transport.backlog();
    }

    /** What renders the server's own error responses. */
    public ErrorPage errorPage() {
        return errorPage;
    }

    /** Whether each request gets an access log line. */
    public boolean accessLog() {
        return accessLog;
    }

    private static Duration positive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + timeout);
        }
        return timeout;
    }
}
