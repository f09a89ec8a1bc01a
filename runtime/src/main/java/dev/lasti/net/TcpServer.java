package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TimerHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A TCP server on the current {@link EventLoop}, in the style of Tornado's {@code TCPServer}: it accepts
 * connections on the loop and runs one {@link ConnectionHandler} per connection. The stream is closed when
 * the handler's future completes; a handler that throws or fails is logged, and only its own connection is
 * closed.
 *
 * <p>Create and use a server on its loop's thread. {@link #close()} stops accepting; {@link
 * #closeGracefully} also waits for the live connections and closes what is left after a timeout.
 */
public final class TcpServer {
    private static final System.Logger LOG = System.getLogger("dev.lasti.net");
    /** Listen backlog: room for a burst of clients; the kernel caps it at {@code net.core.somaxconn}. */
    public static final int DEFAULT_BACKLOG = 1024;
    /** Accepts per readiness event, so a connection storm cannot hold the loop for long. */
    private static final int ACCEPTS_PER_EVENT = 128;

    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final SelectionKey key;
    private final ConnectionHandler handler;
    private final InetSocketAddress address;
    /** Streams whose handler is still running, in accept order. */
    private final Set<TcpStream> live = new LinkedHashSet<>();
    private final Promise<Void> drained = new Promise<>();
    private boolean closed;

    private TcpServer(EventLoop loop, ServerSocketChannel channel, ConnectionHandler handler)
            throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.key = loop.register(channel, SelectionKey.OP_ACCEPT, k -> acceptSome());
    }

    /** Listens on 127.0.0.1 at {@code port} (0 picks a free port; see {@link #localAddress()}). */
    public static TcpServer listen(int port, ConnectionHandler handler) {
        return listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), DEFAULT_BACKLOG, handler);
    }

    /**
     * Listens on {@code address} with the given accept backlog. Call on a loop thread.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static TcpServer listen(InetSocketAddress address, int backlog, ConnectionHandler handler) {
        EventLoop loop = EventLoop.current();
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address, backlog);
            return new TcpServer(loop, channel, handler);
        } catch (IOException e) {
            Connector.closeQuietly(channel);
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** The bound address, with the real port when 0 was asked for. */
    public InetSocketAddress localAddress() {
        return address;
    }

    /** The number of connections whose handler is still running. */
    public int connectionCount() {
        return live.size();
    }

    /** Stops accepting and closes the listening socket; live connections go on. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        key.cancel();
        Connector.closeQuietly(channel);
        checkDrained();
    }

    /**
     * Stops accepting, then waits for the live connections' handlers to finish; those still running after
     * {@code timeout} have their streams closed, which fails their pending reads and writes. The future
     * completes when no connection is left.
     */
    public Future<Void> closeGracefully(Duration timeout) {
        close();
        if (!drained.isDone()) {
            TimerHandle timer = loop.callLater(timeout, () -> new ArrayList<>(live).forEach(TcpStream::close));
            drained.whenDone(f -> timer.cancel());
        }
        return drained;
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                // For example EMFILE: keep the server up; the connection waits in the backlog.
                LOG.log(System.Logger.Level.WARNING, "lasti: accept on " + address + " failed", e);
                return;
            }
            if (client == null) {
                return;
            }
            serve(client);
        }
    }

    private void serve(SocketChannel client) {
        TcpStream stream;
        try {
            stream = new TcpStream(loop, client);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "lasti: cannot set up an accepted connection", e);
            Connector.closeQuietly(client);
            return;
        }
        live.add(stream);
        Future<?> done;
        try {
            done = handler.handle(stream);
            if (done == null) {
                throw new NullPointerException("the connection handler returned null instead of a future");
            }
        } catch (Throwable t) {
            done = Future.failed(t);
        }
        done.whenDone(f -> onLoop(() -> finish(stream, f)));
    }

    /** A handler's future may complete on another thread (a CompletableFuture, say); streams are loop-only. */
    private void onLoop(Runnable r) {
        if (loop.isCurrent()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }

    private void finish(TcpStream stream, Future<?> outcome) {
        Throwable failure = outcome.cause();
        if (failure instanceof StreamClosedException) {
            LOG.log(System.Logger.Level.DEBUG, "lasti: connection " + stream + " closed under its handler");
        } else if (failure != null) {
            LOG.log(System.Logger.Level.ERROR, "lasti: the handler of " + stream + " failed", failure);
        }
        stream.close();
        live.remove(stream);
        checkDrained();
    }

    private void checkDrained() {
        if (closed && live.isEmpty()) {
            drained.complete(null);
        }
    }
}
