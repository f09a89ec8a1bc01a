package dev.lasti.bench.echo;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpStream;

/**
 * lasti: {@link TcpServer} on one {@link EventLoop}, one {@code @Async} handler per connection that reads
 * whatever has arrived and writes it back, the idiom of the samples' echo server.
 *
 * <p>Usage: {@code LastiEchoServer [port]}. Runs until killed.
 */
public final class LastiEchoServer {
    private LastiEchoServer() {}

    /** The connection handler: a plain loop; the server closes the stream when it returns. */
    @Async
    static Future<Void> echo(TcpStream stream) {
        for (byte[] chunk; (chunk = await(stream.read(16 * 1024))).length > 0; ) {
            await(stream.write(chunk));
        }
        return Future.completed(null);
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        EventLoop.run(() -> {
            TcpServer server = TcpServer.listen(EchoServers.port(args), LastiEchoServer::echo);
            EchoServers.ready("lasti", server.localAddress());
            return new Promise<Void>(); // never completes: serve until the process is killed
        });
    }
}
