package dev.lasti.bench.echo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The load for the echo servers, in its own JVM: N connections, each sending one message of S bytes,
 * waiting for all S bytes to come back, checking them, and sending the next; warm-up, then a measured
 * window. All connections run on one thread with its own selector and direct buffers, and allocate
 * nothing per message, so the client costs as little as a client can: one write and one read per message.
 *
 * <p>Server CPU is the server process's user+system time from {@code /proc/<pid>/stat} (every thread: the
 * loop, JIT, GC) read at both ends of the window, divided by the messages echoed in it.
 *
 * <p>Usage: {@code EchoClient <impl> <port> <server-pid> [connections] [bytes] [warm-up s] [measured s]};
 * prints {@code RESULT echo/<impl>/msgs-per-s}, {@code .../cpu-us-per-msg} and {@code
 * .../client-cpu-us-per-msg}. Exits non-zero if an echo differs from what was sent or the server stalls.
 */
public final class EchoClient {
    private EchoClient() {}

    /** One connection: the message in flight and the bytes of its echo received so far. */
    private static final class Conn {
        final SocketChannel channel;
        final int id;
        final ByteBuffer sent;
        final ByteBuffer received;
        long seq;
        long echoed;

        Conn(SocketChannel channel, int id, int size) {
            this.channel = channel;
            this.id = id;
            this.sent = ByteBuffer.allocateDirect(size);
            this.received = ByteBuffer.allocateDirect(size);
        }

        /** A fresh message per send, so that a stale or misrouted echo cannot pass the check. */
        void send(SelectionKey key) throws IOException {
            seq++;
            sent.clear();
            for (int i = 0; i < sent.capacity(); i++) {
                sent.put(i, (byte) (seq * 31 + id * 7 + i));
            }
            write(key);
        }

        void write(SelectionKey key) throws IOException {
            channel.write(sent);
            // A full socket buffer never happens with one small message in flight, but handle it anyway.
            key.interestOps(sent.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Returns true when a whole echo has arrived (and matched). */
        boolean read() throws IOException {
            if (channel.read(received) < 0) {
                throw new IOException("connection " + id + ": the server closed it");
            }
            if (received.hasRemaining()) {
                return false;
            }
            sent.clear();
            received.clear();
            if (!received.equals(sent)) {
                throw new IllegalStateException("connection " + id + ", message " + seq
                        + ": the echo differs from the bytes sent");
            }
            echoed++;
            return true;
        }
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EchoClient <impl> <port> <server-pid> [connections] [bytes] [warm-up s]"
                    + " [measured s]");
            System.exit(2);
        }
        String impl = args[0];
        int port = Integer.parseInt(args[1]);
        long serverPid = Long.parseLong(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int size = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        double warmup = args.length > 5 ? Double.parseDouble(args[5]) : 5;
        double measured = args.length > 6 ? Double.parseDouble(args[6]) : 10;
        try {
            run(impl, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), serverPid, connections, size,
                    warmup, measured);
        } catch (Exception | Error e) {
            System.out.println("FAILED echo/" + impl + " " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String impl, InetSocketAddress server, long serverPid, int connections, int size,
            double warmupSeconds, double measuredSeconds) throws IOException {
        Selector selector = Selector.open();
        List<Conn> conns = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            SocketChannel c = SocketChannel.open(server);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.configureBlocking(false);
            Conn conn = new Conn(c, i, size);
            conns.add(conn);
            conn.send(c.register(selector, SelectionKey.OP_READ, conn));
        }
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (measuredSeconds * 1e9);
        ServerCpu cpu = new ServerCpu(serverPid);
        var self = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        boolean measuring = false;
        long count = 0;
        long countAtStart = 0;
        long cpuAtStart = 0;
        long selfCpuAtStart = 0;
        long lastProgress = start;
        long[] done = {0};
        while (true) {
            done[0] = 0;
            selector.select(key -> {
                Conn conn = (Conn) key.attachment();
                try {
                    if (key.isWritable()) {
                        conn.write(key);
                    } else if (conn.read()) {
                        done[0]++;
                        conn.send(key);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 1000);
            count += done[0];
            long now = System.nanoTime();
            if (done[0] > 0) {
                lastProgress = now;
            } else if (now - lastProgress > 5_000_000_000L) {
                throw new IllegalStateException("no echo for 5 s: the server stalled");
            }
            if (!measuring && now >= measureFrom) {
                measuring = true;
                measureFrom = now;
                countAtStart = count;
                cpuAtStart = cpu.nanos();
                selfCpuAtStart = self.getProcessCpuTime();
            } else if (measuring && now >= measureTo) {
                long serverCpu = cpu.nanos() - cpuAtStart;
                long clientCpu = self.getProcessCpuTime() - selfCpuAtStart;
                long msgs = count - countAtStart;
                double seconds = (now - measureFrom) / 1e9;
                checkAllEchoed(conns);
                String key = "echo/" + impl + "/";
                System.out.printf("RESULT %smsgs-per-s %.1f%n", key, msgs / seconds);
                System.out.printf("RESULT %scpu-us-per-msg %.4f%n", key, serverCpu / 1e3 / msgs);
                System.out.printf("RESULT %sclient-cpu-us-per-msg %.4f%n", key, clientCpu / 1e3 / msgs);
                break;
            }
        }
        for (Conn c : conns) {
            c.channel.close();
        }
    }

    /** Every connection must have made progress: a server that starves some connections fails loudly. */
    private static void checkAllEchoed(List<Conn> conns) {
        for (Conn c : conns) {
            if (c.echoed == 0) {
                throw new IllegalStateException("connection " + c.id + " got no echo at all");
            }
        }
    }
}
