package dev.lasti.samples;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The seeds' raw-socket HTTP: the request they send, and just enough parsing to know when a
 * response with a {@code Content-Length} body has fully arrived. The seeds read one 4 KiB {@code recv}
 * and hope; a kept-alive connection never closes, so the clients here read until the body is complete.
 */
final class RawHttp {
    /**
     * The seed's {@code sock.send(b"GET / HTTP/1.1\r\n\r\n")} plus the one header it lacks: HTTP/1.1 requires
     * {@code Host} (RFC 9112 3.2), and lasti's server answers a request without one with 400, as the RFC asks
     * (Tornado lets it pass).
     */
    static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII);
    /** The blank line that ends a response head. */
    static final byte[] HEAD_END = "\r\n\r\n".getBytes(US_ASCII);
    /** Larger heads are refused: the slow server's is about 100 bytes. */
    static final int MAX_HEAD = 16 * 1024;

    private RawHttp() {}

    /** The {@code Content-Length} of a response head, 0 if it has none. */
    static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    /** True once {@code received} holds a whole response: its head and {@code Content-Length} bytes of body. */
    static boolean isComplete(ByteArrayOutputStream received) {
        byte[] bytes = received.toByteArray();
        int headEnd = indexOf(bytes, HEAD_END);
        if (headEnd < 0) {
            if (bytes.length > MAX_HEAD) {
                throw new IllegalStateException("no end of the response head in " + bytes.length + " bytes");
            }
            return false;
        }
        int bodyStart = headEnd + HEAD_END.length;
        return bytes.length - bodyStart >= contentLength(new String(bytes, 0, headEnd, US_ASCII));
    }

    /** The body of a whole response, as text. */
    static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    /** The status line of a whole response. */
    static String statusLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    /** {@code HTTP/1.1 200 OK "Hello, world"}: a response on one line, for the tour. */
    static String summary(String response) {
        return statusLine(response) + " \"" + body(response).strip() + "\"";
    }

    /** Decodes a received response: an ASCII head and a UTF-8 body. */
    static String text(ByteArrayOutputStream received) {
        return received.toString(UTF_8);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
