package dev.lasti.bench.echo;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpStream;
import java.nio.ByteBuffer;

/**
 * lasti: {@link TcpServer} on one {@link EventLoop}, one {@code @Async} handler per connection that reads
 * whatever has arrived and writes it back. Like the NIO floor, each connection has one direct buffer that
 * every read fills ({@link TcpStream#read(ByteBuffer)}) and every write drains, so the handler allocates
 * no array per message (the samples' echo server shows the simpler {@code byte[]} idiom).
 *
 * <p>Usage: {@code LastiEchoServer [port]}. Runs until killed.
 */
public final class LastiEchoServer {
    private LastiEchoServer() {}

    /** The connection handler: a plain loop; the server closes the stream when it returns. */
    @Async
    static Future<Void> echo(TcpStream stream) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(16 * 1024);
        while (await(stream.read(buffer)) > 0) { // -1 at end of stream; never 0
            buffer.flip();
            // write(ByteBuffer) hands the kernel what it takes and copies what it does not, so the buffer
            // is free again when the call returns; awaiting the write still bounds what a slow reader
            // makes us queue.
            await(stream.write(buffer));
            buffer.clear();
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
