package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TimerHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TCP server on the current {@link EventLoop}, in the style of Tornado's {@code TCPServer}: it accepts
 * connections on the loop and runs one {@link ConnectionHandler} per connection. The stream is closed when
 * the handler's future completes; a handler that throws or fails is logged, and only its own connection is
 * closed. With {@link TcpServerOptions#withTls} it serves TLS: the handler gets the stream once the
 * handshake is done, and reads and writes plaintext.
 *
 * <p><b>Every core.</b> {@link #listen(EventLoopGroup, InetSocketAddress, TcpServerOptions,
 * ConnectionHandler)} serves on every loop of a group: one listening socket per loop with {@code
 * SO_REUSEPORT} where the OS has it, otherwise one acceptor that hands each connection to the loops in turn
 * (see {@link GroupAccept}). A connection, its handler and its stream stay on one loop; the options'
 * backlog and connection limit apply to each loop.
 *
 * <p><b>Threading.</b> Create a server on one loop on that loop's thread; a server on a group from any
 * thread. Its methods may be called from any thread: off a loop, {@link #close()} and {@link
 * #closeGracefully} hand the work to the loops and return at once.
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

    private final List<Listener> listeners;
    private final List<LoopConnections> loops;
    private final InetSocketAddress address;

    private TcpServer(List<Listener> listeners, List<LoopConnections> loops, InetSocketAddress address) {
        this.listeners = listeners;
        this.loops = loops;
        this.address = address;
        // Start the logging backend now: when descriptors run out, its lazy start-up (opening files,
        // loading classes) would fail inside the very warning that reports the failure.
        LOG.isLoggable(System.Logger.Level.WARNING);
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
     * Listens on {@code address} with {@code options} (backlog, connection limit, TLS), on the current
     * loop. Call on a loop thread.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static TcpServer listen(InetSocketAddress address, TcpServerOptions options, ConnectionHandler handler) {
        EventLoop loop = EventLoop.current();
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(address, options.backlog());
            Listener listener = new Listener(loop, channel);
            LoopConnections connections = new LoopConnections(loop, handler, options, listener::connectionEnded);
            listener.start(List.of(connections));
            return new TcpServer(List.of(listener), List.of(connections), (InetSocketAddress) channel.getLocalAddress());
        } catch (IOException e) {
            Connector.closeQuietly(channel);
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /**
     * Listens on {@code address} on every loop of {@code group}, spreading connections as {@link
     * TcpServerOptions#groupAccept} says. Any thread: the sockets are bound (and the port known) when this
     * returns, and each loop starts accepting in its next iteration; connections that arrive before wait in
     * the backlog.
     *
     * @throws UncheckedIOException if the address cannot be bound
     * @throws UnsupportedOperationException if {@link GroupAccept#PORT_PER_LOOP} was asked for and this
     *     platform has no {@code SO_REUSEPORT}
     */
    public static TcpServer listen(EventLoopGroup group, InetSocketAddress address, TcpServerOptions options,
            ConnectionHandler handler) {
        return GroupListen.listen(group, address, options, handler);
    }

    /** For {@link GroupListen}: a server over listeners and loops it has set up. */
    static TcpServer of(List<Listener> listeners, List<LoopConnections> loops, InetSocketAddress address) {
        return new TcpServer(List.copyOf(listeners), List.copyOf(loops), address);
    }

    /** The bound address, with the real port when 0 was asked for. Any thread. */
    public InetSocketAddress localAddress() {
        return address;
    }

    /**
     * The number of open connections, over all its loops: those whose handler still runs, TLS handshakes
     * under way, and those accepted and on their way to their loop. Any thread.
     */
    public int connectionCount() {
        return loops.stream().mapToInt(LoopConnections::open).sum();
    }

    /**
     * Stops accepting and closes the listening sockets; live connections go on. Idempotent. Each loop does
     * its part on its own thread: at once when called there, otherwise in its next iteration (or it has
     * happened already, if the loop has shut down, which closes every channel).
     */
    public void close() {
        closing(LoopConnections::close);
    }

    /**
     * Stops accepting, then waits for the live connections' handlers to finish; those still running after
     * {@code timeout} have their streams closed, which fails their pending reads and writes (handshakes
     * still under way are abandoned). The future completes when no connection is left on any loop. Any
     * thread.
     */
    public Future<Void> closeGracefully(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (loops.size() == 1 && loops.get(0).loop().isCurrent()) {
            listeners.forEach(Listener::close);
            return loops.get(0).closeGracefully(timeout);
        }
        Promise<Void> all = new Promise<>();
        AtomicInteger left = new AtomicInteger(loops.size());
        closing(c -> c.closeGracefully(timeout).whenDone(f -> {
            if (left.decrementAndGet() == 0) {
                all.complete(null);
            }
        }));
        return all;
    }

    /**
     * Closes every listener on its loop, then runs {@code then} on every loop's connections, on that loop.
     * The listeners close first, each before the loops it feeds hear of it: a hand-off queued before the
     * close reaches the target loop before the close does (one queue, in order), so a drain never misses a
     * connection in flight.
     */
    private void closing(Consumer<LoopConnections> then) {
        for (Listener listener : listeners) {
            listener.loop().runOnLoop(() -> {
                listener.close();
                for (LoopConnections c : loops) {
                    if (fedBy(c, listener)) {
                        c.loop().runOnLoop(() -> then.accept(c));
                    }
                }
            });
        }
    }

    /** A loop's connections are closed by the listener on the same loop, or by the one acceptor. */
    private boolean fedBy(LoopConnections c, Listener listener) {
        return listeners.size() == 1 || c.loop() == listener.loop();
    }
}
