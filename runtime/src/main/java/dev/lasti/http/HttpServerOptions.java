package dev.lasti.http;

import dev.lasti.net.TcpServer;
import java.time.Duration;

/**
 * Limits and timeouts of an {@link HttpServer}. Start from {@link #defaults()} and change what you need:
 * {@code HttpServerOptions.defaults().withHeaderTimeout(Duration.ofSeconds(5))}.
 *
 * @param maxHeaderBytes the request line and headers, with their CRLFs; more gets a 431
 * @param maxBodyBytes the largest {@code Content-Length} accepted; more gets a 413
 * @param headerTimeout how long a client may take to send a complete request head, counted from the
 *     connection's start for the first request and from the first byte for later ones (slowloris guard)
 * @param bodyTimeout how long a request body may take to arrive once its head has, and how long a
 *     response may take to be sent
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param backlog the listen backlog: connections the kernel completes before the server accepts them. A
 *     burst of clients larger than this (10,000 at once, say) has handshakes dropped and retried a second
 *     or more later, which shows up as latency. The kernel caps it at {@code net.core.somaxconn}.
 */
public record HttpServerOptions(int maxHeaderBytes, int maxBodyBytes, Duration headerTimeout,
        Duration bodyTimeout, Duration idleTimeout, int backlog) {

    /** Checks the values. */
    public HttpServerOptions {
        if (maxHeaderBytes < 64 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 64 and maxBodyBytes not negative");
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1: " + backlog);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative()
                || bodyTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Options with the default listen backlog, {@link TcpServer#DEFAULT_BACKLOG}. */
    public HttpServerOptions(int maxHeaderBytes, int maxBodyBytes, Duration headerTimeout, Duration bodyTimeout,
            Duration idleTimeout) {
        this(maxHeaderBytes, maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, TcpServer.DEFAULT_BACKLOG);
    }

    /**
     * 64 KiB of headers, 10 MiB of body, 10 s for a head, 60 s for a body, 60 s idle keep-alive, a listen
     * backlog of {@link TcpServer#DEFAULT_BACKLOG}.
     */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions(64 * 1024, 10 * 1024 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /** A copy with another header size limit. */
    public HttpServerOptions withMaxHeaderBytes(int bytes) {
        return new HttpServerOptions(bytes, maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, backlog);
    }

    /** A copy with another body size limit. */
    public HttpServerOptions withMaxBodyBytes(int bytes) {
        return new HttpServerOptions(maxHeaderBytes, bytes, headerTimeout, bodyTimeout, idleTimeout, backlog);
    }

    /** A copy with another header timeout. */
    public HttpServerOptions withHeaderTimeout(Duration timeout) {
        return new HttpServerOptions(maxHeaderBytes, maxBodyBytes, timeout, bodyTimeout, idleTimeout, backlog);
    }

    /** A copy with another body timeout. */
    public HttpServerOptions withBodyTimeout(Duration timeout) {
        return new HttpServerOptions(maxHeaderBytes, maxBodyBytes, headerTimeout, timeout, idleTimeout, backlog);
    }

    /** A copy with another idle keep-alive timeout. */
    public HttpServerOptions withIdleTimeout(Duration timeout) {
        return new HttpServerOptions(maxHeaderBytes, maxBodyBytes, headerTimeout, bodyTimeout, timeout, backlog);
    }

    /** A copy with another listen backlog. */
    public HttpServerOptions withBacklog(int backlog) {
        return new HttpServerOptions(maxHeaderBytes, maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, backlog);
    }
}
