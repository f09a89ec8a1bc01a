package dev.lasti.net;

import static dev.lasti.net.Clients.connect;
import static dev.lasti.net.Clients.echo;
import static dev.lasti.net.Clients.isListening;
import static dev.lasti.net.LoopThread.then;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link TcpServer} on an {@link EventLoopGroup}: connections spread over every loop and stay there. */
class GroupServerTest {
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** Echoes, and counts the loop of every step: the accept, and each read's completion. */
    private static ConnectionHandler countingEcho(Map<EventLoop, AtomicInteger> connectionsPerLoop,
            AtomicInteger wrongLoop) {
        return stream -> {
            EventLoop home = EventLoop.current();
            if (stream.loop() != home) {
                wrongLoop.incrementAndGet();
            }
            connectionsPerLoop.computeIfAbsent(home, l -> new AtomicInteger()).incrementAndGet();
            return echoOn(stream, home, wrongLoop);
        };
    }

    private static Future<Void> echoOn(TcpStream stream, EventLoop home, AtomicInteger wrongLoop) {
        return then(stream.read(64 * 1024), chunk -> {
            if (!home.isCurrent()) {
                wrongLoop.incrementAndGet();
            }
            return chunk.length == 0 ? Future.completed(null)
                    : then(stream.write(chunk), written -> echoOn(stream, home, wrongLoop));
        });
    }

    @ParameterizedTest
    @EnumSource(value = GroupAccept.class, names = {"PORT_PER_LOOP", "ONE_ACCEPTOR"})
    void connections_spreadOverEveryLoop_andStayOnTheirLoop(GroupAccept mode) throws Exception {
        Map<EventLoop, AtomicInteger> perLoop = new ConcurrentHashMap<>();
        AtomicInteger wrongLoop = new AtomicInteger();
        List<EventLoop> loops;
        try (EventLoopGroup group = EventLoopGroup.start(3)) {
            loops = group.loops();
            TcpServer server = TcpServer.listen(group, ANY_PORT, TcpServerOptions.defaults().withGroupAccept(mode),
                    countingEcho(perLoop, wrongLoop));
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    Socket s = connect(server);
                    sockets.add(s);
                    assertEquals("ping" + i, echo(s, "ping" + i));
                }
                assertEquals(60, server.connectionCount());
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            server.closeGracefully(Duration.ofSeconds(10)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertEquals(0, server.connectionCount());
        }
        assertEquals(java.util.Set.copyOf(loops), perLoop.keySet(), "every loop served connections: " + perLoop);
        if (mode == GroupAccept.ONE_ACCEPTOR) {
            perLoop.values().forEach(n -> assertEquals(20, n.get(), "handed out in turn: " + perLoop));
        }
        assertEquals(0, wrongLoop.get(), "every step of a connection ran on the loop that accepted it");
    }

    @ParameterizedTest
    @EnumSource(value = GroupAccept.class, names = {"PORT_PER_LOOP", "ONE_ACCEPTOR"})
    void thousandConnections_onAGroup_getEveryByteBackInOrder(GroupAccept mode) throws Exception {
        Random random = new Random(20161127);
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] m = new byte[1 + random.nextInt(64 * 1024)];
            random.nextBytes(m);
            messages.add(m);
        }
        try (EventLoopGroup group = EventLoopGroup.start(2); LoopThread clients = new LoopThread("group-clients")) {
            TcpServer server = TcpServer.listen(group, ANY_PORT, TcpServerOptions.defaults().withGroupAccept(mode),
                    EchoTest::echo);
            List<Boolean> results = clients.await(() -> {
                List<Future<Boolean>> all = new ArrayList<>();
                for (byte[] m : messages) {
                    all.add(roundTrip(server.localAddress(), m));
                }
                return Future.all(all);
            }, Duration.ofSeconds(90));
            assertEquals(1_000, results.stream().filter(ok -> ok).count(), "every echo matches");
            server.closeGracefully(Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static Future<Boolean> roundTrip(InetSocketAddress address, byte[] message) {
        return then(TcpStream.connect(address, Duration.ofSeconds(60)), stream -> {
            Future<Void> sent = stream.write(message); // read back concurrently, or both sides could stall
            return then(stream.readExactly(message.length), back -> then(sent, done -> {
                stream.close();
                return Future.completed(java.util.Arrays.equals(message, back));
            }));
        });
    }

    @Test
    void oneAcceptor_perLoopLimit_waitsForRoom_andAcceptsWhenAnotherLoopFrees_it() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            TcpServer server = TcpServer.listen(group, ANY_PORT, TcpServerOptions.defaults()
                    .withGroupAccept(GroupAccept.ONE_ACCEPTOR).withMaxConnections(1), EchoTest::echo);
            try (Socket a = connect(server); Socket b = connect(server); Socket c = connect(server)) {
                assertEquals("a", echo(a, "a")); // on loop 0
                assertEquals("b", echo(b, "b")); // on loop 1
                c.setSoTimeout(500);
                c.getOutputStream().write('c');
                assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read(),
                        "both loops are at their limit: the third waits in the backlog");
                b.close(); // frees loop 1, whose close must wake the acceptor on loop 0
                c.setSoTimeout(10_000);
                assertEquals('c', c.getInputStream().read(), "accepted once a loop had room");
                assertEquals("a2", echo(a, "a2"));
            }
            server.close();
        }
    }

    @Test
    void groupShutdown_closesListenersAndConnections_andEndsEveryHandler() throws Exception {
        AtomicInteger handlersEnded = new AtomicInteger();
        TcpServer server;
        List<Socket> sockets = new ArrayList<>();
        EventLoopGroup group = EventLoopGroup.start(2, i -> EventLoop.builder().shutdownTimeout(Duration.ofSeconds(5)).build());
        try {
            server = TcpServer.listen(group, ANY_PORT, TcpServerOptions.defaults(), stream ->
                    EchoTest.echo(stream).whenDone(f -> handlersEnded.incrementAndGet()));
            for (int i = 0; i < 10; i++) {
                Socket s = connect(server);
                sockets.add(s);
                assertEquals("x" + i, echo(s, "x" + i));
            }
        } finally {
            group.close();
        }
        assertTrue(group.terminated().isDone());
        assertEquals(10, handlersEnded.get(), "every handler ended (its pending read failed or was cancelled)");
        for (Socket s : sockets) {
            s.setSoTimeout(5_000);
            assertEquals(-1, readOrEof(s), "the server side of every connection is closed");
            s.close();
        }
        assertFalse(isListening(server), "no loop listens any more");
    }

    @Test
    void portPerLoop_sharesOnePort_whenPortZeroIsAsked() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            TcpServer server = TcpServer.listen(group, ANY_PORT,
                    TcpServerOptions.defaults().withGroupAccept(GroupAccept.AUTO), EchoTest::echo);
            assertTrue(server.localAddress().getPort() > 0);
            try (Socket s = connect(server)) {
                assertEquals("hi", echo(s, "hi"));
            }
            server.close();
            assertSame(GroupAccept.AUTO, TcpServerOptions.defaults().groupAccept(), "the default");
        }
    }

    private static int readOrEof(Socket s) {
        try {
            return s.getInputStream().read();
        } catch (IOException reset) {
            return -1; // a reset is a closed connection too
        }
    }
}
