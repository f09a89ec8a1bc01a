package dev.lasti.net;

import static dev.lasti.net.LoopThread.then;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lasti.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/** A TLS server with {@link TlsFixture#LOCALHOST}'s certificate, and a minimal HTTP answer for clients. */
final class TlsServerSupport {
    /** Made here, on the test thread: keytool takes a second, which would block a loop. */
    private final SSLContext context = TlsFixture.LOCALHOST.serverContext();

    TcpServer listen(ConnectionHandler handler) {
        return TcpServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                TcpServerOptions.defaults().withTls(context), handler);
    }

    /** Reads one request head and answers "hello over TLS", closing the connection. */
    static Future<Void> hello(TcpStream stream) {
        byte[] body = "hello over TLS\n".getBytes(US_ASCII);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(US_ASCII);
        return then(stream.readUntil("\r\n\r\n".getBytes(US_ASCII), 65_536), request -> {
            stream.write(head);
            return stream.write(body);
        });
    }
}
