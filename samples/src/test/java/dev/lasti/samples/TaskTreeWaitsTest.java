package dev.lasti.samples;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TaskInfo;
import dev.lasti.TaskSnapshot;
import dev.lasti.Waiting;
import dev.lasti.net.TcpStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the task tree says a task waits for when it awaits the runtime's own promises, or a described one. */
class TaskTreeWaitsTest {
    @Async
    static Future<Integer> reader(TcpStream stream) {
        byte[] got = await(stream.read(16));
        return Future.completed(got.length);
    }

    @Async
    static Future<String> offloader(CountDownLatch release) {
        String got = await(EventLoop.blocking(() -> {
            release.await();
            return "done";
        }));
        return Future.completed(got);
    }

    @Async
    static Future<String> caller(Promise<String> reply) {
        return Future.completed(await(reply));
    }

    @Async
    static Future<Map<String, Waiting>> scenario(int port, CountDownLatch release) {
        TcpStream stream = await(TcpStream.connect(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(5)));
        Promise<String> reply = Promise.described("reply from the billing service");
        Future<Integer> read = reader(stream);
        Future<String> job = offloader(release);
        Future<String> call = caller(reply);
        TaskSnapshot snapshot = EventLoop.current().taskSnapshot(Duration.ofSeconds(5));
        release.countDown();
        reply.complete("paid");
        await(job);
        await(call);
        stream.close();
        read.cancel();
        Map<String, Waiting> byMethod = snapshot.tasks().stream()
                .filter(t -> !t.method().equals("scenario"))
                .collect(Collectors.toMap(TaskInfo::method, TaskInfo::waitingFor));
        return Future.completed(byMethod);
    }

    @Test
    void aSocketRead_aBlockingJob_andADescribedPromise_areNamedAsSuch() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket peer = server.accept()) {
                    peer.getInputStream().read(); // hold the connection open, sending nothing, until it closes
                } catch (java.io.IOException ignored) {
                    // the client closed first
                }
            });
            acceptor.start();
            Map<String, Waiting> waits = EventLoop.run(() -> scenario(server.getLocalPort(), new CountDownLatch(1)));
            acceptor.join(5_000);
            assertEquals(new Waiting.Promise("socket read"), waits.get("reader"), waits::toString);
            assertEquals(new Waiting.Promise("EventLoop.blocking job"), waits.get("offloader"), waits::toString);
            assertEquals(new Waiting.Promise("reply from the billing service"), waits.get("caller"), waits::toString);
        }
    }
}
