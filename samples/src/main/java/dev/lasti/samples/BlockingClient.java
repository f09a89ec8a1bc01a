package dev.lasti.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * S2 (seed 000): the blocking client. Each request parks the thread until the answer comes, so two
 * requests to the slow server take two delays. The seed:
 *
 * <pre>
 * def request():
 *     sock = socket.socket()
 *     sock.connect(("", PORT))
 *     sock.send(b"GET / HTTP/1.1\r\n\r\n")
 *     data = sock.recv(CHUNK_SIZE)
 *
 * request()
 * request()
 * </pre>
 */
public final class BlockingClient {
    private BlockingClient() {}

    /** One request on a plain blocking {@link Socket}; returns the whole response. */
    static String request(InetSocketAddress server) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 5_000);
            socket.setSoTimeout(10_000); // a sample must fail, not hang, if the server misbehaves
            socket.getOutputStream().write(RawHttp.REQUEST);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!RawHttp.isComplete(received)) {
                int n = in.read(chunk); // blocks: this is the whole point of the sample
                if (n < 0) {
                    throw new IOException("the server closed before the response was complete: " + received);
                }
                received.write(chunk, 0, n);
            }
            return RawHttp.text(received);
        }
    }

    /** Two requests, one after the other. */
    public static String run() {
        try (SlowServer server = SlowServer.start()) {
            long start = System.nanoTime();
            String first = request(server.address());
            String second = request(server.address());
            return String.format("2 requests, sequential: %.2f s; %s, %s", Seconds.since(start),
                    RawHttp.summary(first), RawHttp.summary(second));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
