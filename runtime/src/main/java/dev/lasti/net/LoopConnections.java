package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TimerHandle;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * One loop's share of a {@link TcpServer}: the connections it serves, each with its handler, from hand-off
 * to close. On one loop the listener hands connections over directly; on a group, a listener on another
 * loop may hand them over through {@link EventLoop#execute}. Everything here but {@link #open} and {@link
 * #handOver} is confined to this loop.
 */
final class LoopConnections {
    private static final System.Logger LOG = System.getLogger("dev.lasti.net");

    private final EventLoop loop;
    private final ConnectionHandler handler;
    private final TcpServerOptions options;
    /**
     * Connections handed to this loop and not finished yet, TLS handshakes included. Raised by the listener
     * that hands a connection over (maybe on another loop, before this loop has seen it), lowered here when
     * it ends: so the connection limit and {@link #drained} count the connections in flight too.
     */
    private final AtomicInteger open = new AtomicInteger();
    /** Streams whose handler is still running, in accept order. */
    private final Set<TcpStream> live = new LinkedHashSet<>();
    /** TLS handshakes under way: open connections that have no stream yet. */
    private final Set<Future<TcpStream>> handshakes = new LinkedHashSet<>();
    private final Promise<Void> drained = new Promise<>();
    /** Told, on this loop, each time a connection ends: its listener may accept again. */
    private final Runnable connectionEnded;
    private boolean closed;
    /** Set when a graceful close ran out of time: a connection still arriving is closed at once. */
    private boolean pastDeadline;

    LoopConnections(EventLoop loop, ConnectionHandler handler, TcpServerOptions options, Runnable connectionEnded) {
        this.loop = loop;
        this.handler = handler;
        this.options = options;
        this.connectionEnded = connectionEnded;
    }

    EventLoop loop() {
        return loop;
    }

    /** Any thread. */
    int open() {
        return open.get();
    }

    /** Whether another connection fits under the limit; for the one listener that hands connections here. */
    boolean hasRoom() {
        return open.get() < options.maxConnections();
    }

    /**
     * Takes an accepted connection, on the listener's loop: serves it at once when that is this loop,
     * otherwise in this loop's next iteration. A loop that has shut down closes it.
     */
    void handOver(SocketChannel client) {
        open.incrementAndGet();
        if (loop.isCurrent()) {
            serve(client);
            return;
        }
        try {
            loop.execute(() -> serve(client));
        } catch (RejectedExecutionException e) {
            Connector.closeQuietly(client); // the loop has shut down: nobody is left to serve it
            open.decrementAndGet();
        }
    }

    /** Stops counting toward the drain: {@link #drained} completes once no connection is left. */
    void close() {
        closed = true;
        checkDrained();
    }

    /**
     * {@link #close}, then closes the streams still open after {@code timeout} (handshakes are abandoned).
     * The future completes when no connection is left.
     */
    Future<Void> closeGracefully(Duration timeout) {
        close();
        if (!drained.isDone()) {
            TimerHandle timer = loop.callLater(timeout, () -> {
                pastDeadline = true;
                new ArrayList<>(handshakes).forEach(Future::cancel);
                new ArrayList<>(live).forEach(TcpStream::close);
            });
            drained.whenDone(f -> timer.cancel());
        }
        return drained;
    }

    private void serve(SocketChannel client) {
        if (pastDeadline) {
            Connector.closeQuietly(client);
            ended();
            return;
        }
        if (options.tls().isPresent()) {
            handshake(client, options.tls().get());
            return;
        }
        TcpStream stream;
        try {
            stream = new TcpStream(loop, client);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "lasti: cannot set up an accepted connection", e);
            Connector.closeQuietly(client);
            ended();
            return;
        }
        run(stream);
    }

    private void handshake(SocketChannel client, SSLContext context) {
        Future<TcpStream> shaking;
        try {
            shaking = TlsHandshake.start(loop, client, Tls.serverEngine(context), options.handshakeTimeout());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "lasti: cannot start a TLS handshake", e);
            Connector.closeQuietly(client);
            ended();
            return;
        }
        handshakes.add(shaking);
        shaking.whenDone(f -> {
            handshakes.remove(f);
            if (f.cause() == null && !f.isCancelled()) {
                run(f.resultNow());
            } else {
                LOG.log(System.Logger.Level.DEBUG, () -> "lasti: TLS handshake failed: "
                        + (f.isCancelled() ? "cancelled" : f.cause()));
                ended();
            }
        });
    }

    private void run(TcpStream stream) {
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
        done.whenDone(f -> loop.runOnLoop(() -> finish(stream, f))); // false: the loop closed it already
    }

    /** A handler's future may complete on another thread (a CompletableFuture, say); streams are loop-only. */

    private void finish(TcpStream stream, Future<?> outcome) {
        Throwable failure = outcome.cause();
        if (failure instanceof StreamClosedException) {
            LOG.log(System.Logger.Level.DEBUG, "lasti: connection " + stream + " closed under its handler");
        } else if (failure != null) {
            LOG.log(System.Logger.Level.ERROR, "lasti: the handler of " + stream + " failed", failure);
        }
        stream.close();
        live.remove(stream);
        ended();
    }

    private void ended() {
        open.decrementAndGet();
        connectionEnded.run();
        checkDrained();
    }

    private void checkDrained() {
        if (closed && open.get() == 0) {
            drained.complete(null);
        }
    }
}
