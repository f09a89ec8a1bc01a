package dev.lasti.net;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Options of a {@link TcpServer}, immutable: each {@code withX} returns a copy.
 *
 * <pre>{@code
 * TcpServerOptions options = TcpServerOptions.defaults().withTls(sslContext).withMaxConnections(10_000);
 * TcpServer.listen(new InetSocketAddress("0.0.0.0", 8443), options, handler);
 * }</pre>
 */
public final class TcpServerOptions {
    private static final TcpServerOptions DEFAULTS =
            new TcpServerOptions(TcpServer.DEFAULT_BACKLOG, Integer.MAX_VALUE, null, Duration.ofSeconds(10),
                    GroupAccept.AUTO);

    private final int backlog;
    private final int maxConnections;
    private final SSLContext tls;
    private final Duration handshakeTimeout;
    private final GroupAccept groupAccept;

    private TcpServerOptions(int backlog, int maxConnections, SSLContext tls, Duration handshakeTimeout,
            GroupAccept groupAccept) {
        this.backlog = backlog;
        this.maxConnections = maxConnections;
        this.tls = tls;
        this.handshakeTimeout = handshakeTimeout;
        this.groupAccept = groupAccept;
    }

    /** Backlog {@link TcpServer#DEFAULT_BACKLOG}, no connection limit, plain TCP, 10 s handshake timeout. */
    public static TcpServerOptions defaults() {
        return DEFAULTS;
    }

    /** The listen backlog; the kernel caps it at {@code net.core.somaxconn}. */
    public TcpServerOptions withBacklog(int backlog) {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be positive: " + backlog);
        }
        return new TcpServerOptions(backlog, maxConnections, tls, handshakeTimeout, groupAccept);
    }

    /**
     * At most {@code max} connections open at once (those in a TLS handshake count), on each loop of a
     * group. At the limit the
     * server stops accepting: new connections wait in the kernel's backlog, and are accepted as open ones
     * close; once the backlog is full the kernel drops further attempts, which clients retry.
     */
    public TcpServerOptions withMaxConnections(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + max);
        }
        return new TcpServerOptions(backlog, max, tls, handshakeTimeout, groupAccept);
    }

    /** Serves TLS with {@code context}'s key and certificate: handlers get streams after the handshake. */
    public TcpServerOptions withTls(SSLContext context) {
        return new TcpServerOptions(backlog, maxConnections, Objects.requireNonNull(context, "context"),
                handshakeTimeout, groupAccept);
    }

    /** How long a client may take to finish its TLS handshake before the server closes the connection. */
    public TcpServerOptions withHandshakeTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: " + timeout);
        }
        return new TcpServerOptions(backlog, maxConnections, tls, timeout, groupAccept);
    }

    /** How a server on an {@link dev.lasti.EventLoopGroup} spreads connections; {@link GroupAccept#AUTO} by default. */
    public TcpServerOptions withGroupAccept(GroupAccept mode) {
        return new TcpServerOptions(backlog, maxConnections, tls, handshakeTimeout, Objects.requireNonNull(mode, "mode"));
    }

    /** The listen backlog of each listening socket. */
    public int backlog() {
        return backlog;
    }

    /** The connection limit of each loop. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The TLS context, when the server serves TLS. */
    public Optional<SSLContext> tls() {
        return Optional.ofNullable(tls);
    }

    /** How long a TLS handshake may take. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** How a server on a group spreads connections over its loops. */
    public GroupAccept groupAccept() {
        return groupAccept;
    }
}
