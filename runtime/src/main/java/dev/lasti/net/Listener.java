package dev.lasti.net;

import dev.lasti.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * One listening socket of a {@link TcpServer}, on its loop: accepts while some target loop is under its
 * connection limit, and hands each connection to the targets in turn (a single target on one loop, or with
 * {@link GroupAccept#PORT_PER_LOOP}; every loop of the group with {@link GroupAccept#ONE_ACCEPTOR}).
 *
 * <p>When {@code accept} fails (for example {@code EMFILE}), it stops accepting for a pause that grows from
 * 10 ms to 1 s while the failures go on, and logs one warning per pause.
 */
final class Listener {
    private static final System.Logger LOG = System.getLogger("dev.lasti.net");
    /** Accepts per readiness event, so a connection storm cannot hold the loop for long. */
    private static final int ACCEPTS_PER_EVENT = 128;

    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private List<LoopConnections> targets = List.of();
    /** Replaced when the loop rebuilds its selector. */
    private SelectionKey key;
    private final AcceptBackoff backoff = new AcceptBackoff();
    private int nextTarget;
    private boolean backingOff;
    private boolean closed;
    /**
     * Set on the loop while no target has room; read by a target's loop when one of its connections ends,
     * so that it wakes this listener only when the listener waits for room. The listener writes this flag,
     * then reads the targets' counts; a target lowers its count, then reads this flag:
     * <ul>
     *   <li>the target's read comes after the listener's write: it sees {@code full} and wakes the
     *       listener (fine; the wake-up may find the room already taken, and waits again);</li>
     *   <li>the target's read comes before it: then the listener's read of the count comes after the
     *       target lowered it, so the listener sees the room itself and goes on accepting (fine);</li>
     *   <li>bad, and ruled out by that order: the listener reading the count before the target lowers it,
     *       the target reading the flag before the listener sets it, and nobody accepting again.</li>
     * </ul>
     */
    private volatile boolean full;

    Listener(EventLoop loop, ServerSocketChannel channel) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
    }

    EventLoop loop() {
        return loop;
    }

    /** Sets where connections go, then starts accepting. On the listener's loop. */
    void start(List<LoopConnections> targets) throws IOException {
        this.targets = List.copyOf(targets);
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

    /** A connection of a target ended, on the target's loop: accept again if this listener waited for room. */
    void connectionEnded() {
        if (loop.isCurrent()) {
            updateAccepting();
        } else if (full) {
            loop.execute(this::updateAccepting);
        }
    }

    /** Stops accepting and closes the socket. On the listener's loop; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        Connector.closeQuietly(channel);
    }

    private void acceptSome() {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed && !backingOff; i++) {
            LoopConnections target = targetWithRoom();
            if (target == null) {
                break;
            }
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
            nextTarget++;
            target.handOver(client);
        }
        updateAccepting();
    }

    /** The next target in turn that is under its limit, or {@code null} if none is. */
    private LoopConnections targetWithRoom() {
        for (int tried = 0; tried < targets.size(); tried++) {
            LoopConnections t = targets.get(Math.floorMod(nextTarget, targets.size()));
            if (t.hasRoom()) {
                return t;
            }
            nextTarget++;
        }
        return null;
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

    /** Interest in OP_ACCEPT while open, not backing off, and some target is under its limit. */
    private void updateAccepting() {
        if (closed || key == null || !key.isValid()) {
            return;
        }
        full = true; // first, then look: see the field's comment
        full = targetWithRoom() == null;
        int ops = !backingOff && !full ? SelectionKey.OP_ACCEPT : 0;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }
}
