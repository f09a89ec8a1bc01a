package dev.lasti.net;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.net.Socket;

/** Blocking clients of the servers under test, on the test thread, with a 10 s read timeout. */
final class Clients {
    private Clients() {}

    /** A connected socket to {@code server}. */
    static Socket connect(TcpServer server) throws IOException {
        Socket s = new Socket(server.localAddress().getAddress(), server.localAddress().getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Whether a connect to {@code server} succeeds within a second. */
    static boolean isListening(TcpServer server) {
        try (Socket s = new Socket()) {
            s.connect(server.localAddress(), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends {@code text} and reads as many bytes back: what an echo server answers. */
    static String echo(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(US_ASCII));
        return new String(s.getInputStream().readNBytes(text.length()), US_ASCII);
    }
}
