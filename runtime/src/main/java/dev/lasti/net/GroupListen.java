package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sets up a {@link TcpServer} on every loop of a group: binds the listening sockets on the calling thread
 * (so a bind error is thrown to the caller, and the port is known when {@code listen} returns), then starts
 * each listener on its own loop, which must register its socket with its own selector.
 */
final class GroupListen {
    private static final System.Logger LOG = System.getLogger("dev.lasti.net");

    private GroupListen() {}

    static TcpServer listen(EventLoopGroup group, InetSocketAddress address, TcpServerOptions options,
            ConnectionHandler handler) {
        boolean portPerLoop = portPerLoop(options.groupAccept());
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            InetSocketAddress bound = address;
            for (int i = 0; i < (portPerLoop ? group.size() : 1); i++) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                channels.add(channel);
                if (portPerLoop) {
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                channel.bind(bound, options.backlog());
                bound = (InetSocketAddress) channel.getLocalAddress(); // port 0: the others take the same port
            }
            return start(group, channels, options, handler, bound);
        } catch (IOException e) {
            channels.forEach(Connector::closeQuietly);
            throw new UncheckedIOException("cannot listen on " + address + " on a group of " + group.size()
                    + " loops" + (portPerLoop ? " (one SO_REUSEPORT socket per loop)" : ""), e);
        }
    }

    private static boolean portPerLoop(GroupAccept mode) {
        boolean supported = ReusePort.SUPPORTED;
        return switch (mode) {
            case AUTO -> supported;
            case ONE_ACCEPTOR -> false;
            case PORT_PER_LOOP -> {
                if (!supported) {
                    throw new UnsupportedOperationException("GroupAccept.PORT_PER_LOOP needs SO_REUSEPORT, which "
                            + "this platform's ServerSocketChannel does not offer; use GroupAccept.ONE_ACCEPTOR or AUTO");
                }
                yield true;
            }
        };
    }

    private static TcpServer start(EventLoopGroup group, List<ServerSocketChannel> channels, TcpServerOptions options,
            ConnectionHandler handler, InetSocketAddress bound) throws IOException {
        List<Listener> listeners = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            listeners.add(new Listener(group.loops().get(i), channels.get(i)));
        }
        List<LoopConnections> loops = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Listener feeder = listeners.get(channels.size() == 1 ? 0 : i);
            loops.add(new LoopConnections(group.loops().get(i), handler, options, feeder::connectionEnded));
        }
        for (int i = 0; i < listeners.size(); i++) {
            Listener listener = listeners.get(i);
            List<LoopConnections> targets = channels.size() == 1 ? loops : List.of(loops.get(i));
            startOnLoop(listener, targets, channels.get(i));
        }
        return TcpServer.of(listeners, loops, bound);
    }

    /** Registers the listener's socket on its own loop: at once if that is this thread's loop. */
    private static void startOnLoop(Listener listener, List<LoopConnections> targets, ServerSocketChannel channel)
            throws IOException {
        EventLoop loop = listener.loop();
        if (loop.isCurrent()) {
            listener.start(targets);
            return;
        }
        try {
            loop.execute(() -> {
                try {
                    listener.start(targets);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "lasti: a listener of the group server on "
                            + channel + " could not start; its loop accepts nothing", e);
                    Connector.closeQuietly(channel);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException("loop " + loop + " of the group has shut down", e);
        }
    }

    /** Whether the JDK offers {@code SO_REUSEPORT} for server sockets here. */
    private static final class ReusePort {
        static final boolean SUPPORTED = probe();

        private static boolean probe() {
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
