package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.io.IOException;
import java.time.Duration;

/**
 * The child JVM of {@link AcceptBackoffTest}: an echo server that prints {@code PORT <n>} and serves until
 * its standard input closes. The test starts it under {@code ulimit -n 64}.
 */
public final class FdLimitedEchoServer {
    private FdLimitedEchoServer() {}

    public static void main(String[] args) throws IOException {
        EventLoop loop = EventLoop.builder().blockedThreshold(Duration.ZERO).build();
        loop.execute(() -> {
            TcpServer server = TcpServer.listen(0, FdLimitedEchoServer::echo);
            System.out.println("PORT " + server.localAddress().getPort());
            System.out.flush();
        });
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent holds our stdin open for as long as we should serve
                }
            } catch (IOException e) {
                // treat as closed
            }
            loop.stop();
        });
        watcher.setDaemon(true);
        watcher.start();
        loop.runForever();
    }

    private static Future<Void> echo(TcpStream stream) {
        return LoopThread.then(stream.read(1024), chunk -> chunk.length == 0
                ? Future.completed(null)
                : LoopThread.then(stream.write(chunk), w -> echo(stream)));
    }
}
