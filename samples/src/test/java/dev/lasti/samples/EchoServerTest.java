package dev.lasti.samples;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.net.TcpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S5: both echo servers return every byte, to many clients at once and for messages larger than a buffer. */
class EchoServerTest {
    /** 1 MiB: many times the callback server's 1 KiB buffer and the socket buffers, so writes are partial. */
    private static final String BIG = "0123456789abcdef".repeat(64 * 1024);

    @Async
    static Future<List<String>> withCallbackServer(List<String> messages) {
        try (CallbackEchoServer server = CallbackEchoServer.listen()) {
            return Future.completed(await(Future.all(talkAll(server.address(), messages))));
        }
    }

    @Async
    static Future<List<String>> withAsyncServer(List<String> messages) {
        TcpServer server = TcpServer.listen(0, EchoServer::echo);
        try {
            return Future.completed(await(Future.all(talkAll(server.localAddress(), messages))));
        } finally {
            server.close();
        }
    }

    private static List<Future<String>> talkAll(java.net.InetSocketAddress address, List<String> messages) {
        return messages.stream().map(m -> EchoServer.talk(address, m)).toList();
    }

    @Test
    void callbackServer_echoesAHundredClientsExactly() {
        assertEquals(100, (int) EventLoop.run(() -> {
            CallbackEchoServer server = CallbackEchoServer.listen();
            return EchoServer.exactEchoes(server.address(), 100).whenDone(f -> server.close());
        }));
    }

    @Test
    void asyncServer_echoesAHundredClientsExactly() {
        assertEquals(100, (int) EventLoop.run(() -> {
            TcpServer server = TcpServer.listen(0, EchoServer::echo);
            return EchoServer.exactEchoes(server.localAddress(), 100).whenDone(f -> server.close());
        }));
    }

    @Test
    void callbackServer_echoesAMessageLargerThanItsBuffers() {
        List<String> messages = List.of(BIG, "small", BIG);
        assertEquals(messages, EventLoop.run(() -> withCallbackServer(messages)));
    }

    @Test
    void asyncServer_echoesAMessageLargerThanItsReads() {
        List<String> messages = List.of(BIG, "small", BIG);
        assertEquals(messages, EventLoop.run(() -> withAsyncServer(messages)));
    }

    @Test
    void demo_reportsBothServersExact() {
        String report = EchoServer.run();
        assertEquals(true, report.startsWith("callbacks: 100/100 clients echoed exactly"), report);
        assertEquals(true, report.contains("@Async handler: 100/100"), report);
    }
}
