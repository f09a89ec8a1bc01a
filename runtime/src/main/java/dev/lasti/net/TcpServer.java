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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;

/**
 * A TCP server on the current {@link EventLoop}, in the style of Tornado's {@code TCPServer}: it accepts
 * connections on the loop and runs one {@link ConnectionHandler} per connection. The stream is closed when
 * the handler's future completes; a handler that throws or fails is logged, and only its own connection is
 * closed. With {@link TcpServerOptions#withTls} it serves TLS: the handler gets the stream once the
 * handshake is done, and reads and writes plaintext.
 *
 * <p><b>Threading.</b> Create and use a server on its loop's thread: {@link #connectionCount} and {@link
 * #closeGracefully} throw {@link IllegalStateException} elsewhere. {@link #close()} may be called from any
 * thread: off the loop it hands the close over to the loop and returns at once. {@link #localAddress} is
 * fixed at creation and may be read anywhere.
 *
 * <p><b>Running out of descriptors.</b> When {@code accept} fails (for example {@code EMFILE}), the server
 * stops accepting for a pause that grows from 10 ms to 1 s while the failures go on, logs one warning per
 * pause, and goes on serving its open connections; waiting clients stay in the backlog until descriptors
 * are free again.
 */
public final class TcpServer {
    private static final System.Logger LOG = System.getLogger("dev.lasti.net");
    /** Listen backlog: room for a burst of clients; the kernel caps it at {@code net.core.somaxconn}. */
    public static final int DEFAULT_BACKLOG = 1024;
    /** Accepts per readiness event, so a connection storm cannot hold the loop for long. */
    private static final int ACCEPTS_PER_EVENT = 128;

    static {
        // JUL's SimpleFormatter reads the time-zone database (lib/tzdb.dat) on its first record. If that
        // first record is the warning that descriptors ran out, the read fails, the zone classes fail to
        // initialise, and every later log call on the loop throws: load it while a descriptor is free.
        ZonedDateTime.now(ZoneId.systemDefault());
        // For the same reason, load what the back-off needs before it is needed: loading a class from a
        // directory or a not-yet-open jar takes a descriptor, and a pause whose timer cannot be created
        // would stop the server accepting for good.
        loadClass(TimerHandle.class);
    }

    private static void loadClass(Class<?> c) {
        c.getName(); // the class literal has loaded it; this only keeps the call from looking unused
    }

    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final ConnectionHandler handler;
    private final TcpServerOptions options;
    private final InetSocketAddress address;
    /** Replaced when the loop rebuilds its selector. */
    private SelectionKey key;
    /** Streams whose handler is still running, in accept order. */
    private final Set<TcpStream> live = new LinkedHashSet<>();
    /** TLS handshakes under way: open connections that have no stream yet. */
    private final Set<Future<TcpStream>> handshakes = new LinkedHashSet<>();
    private final Promise<Void> drained = new Promise<>();
    private final AcceptBackoff backoff = new AcceptBackoff();
    private boolean backingOff;
    private boolean closed;

    private TcpServer(EventLoop loop, ServerSocketChannel channel, ConnectionHandler handler,
            TcpServerOptions options) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.options = options;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        // Start the logging backend now: when descriptors run out, its lazy start-up (opening files,
        // loading classes) would fail inside the very warning that reports the failure.
        LOG.isLoggable(System.Logger.Level.WARNING);
        this.key = loop.register(channel, SelectionKey.OP_ACCEPT, new EventLoop.IoHandler() {
            @Override
            public void ready(SelectionKey k) {
                acceptSome();
            }

            @Override
            public void rekeyed(SelectionKey k) {
                key = k;
            }
        });
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
        return listen(address, TcpServerOptions.defaults().withBacklog(backlog), handler);
    }

    /**
     * Listens on {@code address} with {@code options} (backlog, connection limit, TLS). Call on a loop
     * thread.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static TcpServer listen(InetSocketAddress address, TcpServerOptions options, ConnectionHandler handler) {
        EventLoop loop = EventLoop.current();
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address, options.backlog());
            return new TcpServer(loop, channel, handler, options);
        } catch (IOException e) {
            Connector.closeQuietly(channel);
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** The bound address, with the real port when 0 was asked for. Any thread. */
    public InetSocketAddress localAddress() {
        return address;
    }

    /** The number of open connections: those whose handler still runs, and TLS handshakes under way. */
    public int connectionCount() {
        checkThread("connectionCount");
        return open();
    }

    /**
     * Stops accepting and closes the listening socket; live connections go on. Idempotent. From another
     * thread, the close is handed to the loop and happens in its next iteration (or has happened already,
     * if the loop has shut down, which closes every channel).
     */
    public void close() {
        if (!loop.isCurrent()) {
            try {
                loop.execute(this::close);
            } catch (RejectedExecutionException e) {
                // the loop has shut down, and closed the listening socket with every other channel
            }
            return;
        }
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
     * {@code timeout} have their streams closed, which fails their pending reads and writes (handshakes
     * still under way are abandoned). The future completes when no connection is left. Loop thread only.
     */
    public Future<Void> closeGracefully(Duration timeout) {
        checkThread("closeGracefully");
        close();
        if (!drained.isDone()) {
            TimerHandle timer = loop.callLater(timeout, () -> {
                new ArrayList<>(handshakes).forEach(Future::cancel);
                new ArrayList<>(live).forEach(TcpStream::close);
            });
            drained.whenDone(f -> timer.cancel());
        }
        return drained;
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed && !backingOff && open() < options.maxConnections(); i++) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                pauseAccepting(e);
                return;
            }
            if (client == null) {
                break;
            }
            backoff.succeeded();
            serve(client);
        }
        updateAccepting();
    }

    /** For example EMFILE: stop accepting for a while instead of failing (and logging) on every turn. */
    private void pauseAccepting(IOException e) {
        Duration pause = backoff.failed();
        backingOff = true;
        updateAccepting();
        loop.callLater(pause, () -> {
            backingOff = false;
            updateAccepting();
        });
        try {
            LOG.log(System.Logger.Level.WARNING, "lasti: accept on " + address + " failed (" + e
                    + "); not accepting for " + pause.toMillis() + " ms, open connections go on");
        } catch (Throwable logFailure) {
            // Logging may itself need a descriptor; the server must not die of its own warning.
        }
    }

    /** Interest in OP_ACCEPT while open, not backing off, and under the connection limit. */
    private void updateAccepting() {
        if (closed || !key.isValid()) {
            return;
        }
        int ops = !backingOff && open() < options.maxConnections() ? SelectionKey.OP_ACCEPT : 0;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private void serve(SocketChannel client) {
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
            return;
        }
        handshakes.add(shaking);
        shaking.whenDone(f -> {
            handshakes.remove(f);
            if (f.cause() == null && !f.isCancelled()) {
                run(f.resultNow());
            } else {
                LOG.log(System.Logger.Level.DEBUG, () -> "lasti: TLS handshake on " + address + " failed: "
                        + (f.isCancelled() ? "cancelled" : f.cause()));
                updateAccepting();
                checkDrained();
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
        updateAccepting();
        checkDrained();
    }

    private int open() {
        return live.size() + handshakes.size();
    }

    private void checkDrained() {
        if (closed && open() == 0) {
            drained.complete(null);
        }
    }

    private void checkThread(String method) {
        if (!loop.isCurrent()) {
            throw new IllegalStateException("TcpServer." + method + " runs on the server's loop thread only, not on "
                    + Thread.currentThread().getName() + " (close() may be called from any thread)");
        }
    }
}
