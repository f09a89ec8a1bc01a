package dev.lasti.http;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import dev.lasti.net.ReadLimitException;
import dev.lasti.net.TcpStream;
import java.util.Arrays;

/**
 * Reads a request head line by line, so that a line ending in a bare LF is refused when it arrives, not
 * after the header timeout: with a search for CRLF CRLF, {@code GET / HTTP/1.1\nHost: x\n\n} would never be
 * complete. Bare LF is refused (400), not accepted as Tornado and nginx do: RFC 9112 allows either, and a
 * server that splits lines differently from a proxy in front of it is how request smuggling starts.
 */
final class HeadReader {
    private static final byte[] LF = {'\n'};

    private HeadReader() {}

    /**
     * Reads the rest of a head whose first byte is {@code first} and parses it.
     *
     * @throws HttpError 431 past {@code maxBytes}, 400 for a bare LF or a malformed head, 505 for a version
     */
    @Async
    static Future<RequestHead> read(TcpStream stream, byte first, int maxBytes) throws HttpError {
        if (first == '\n') {
            throw bareLf();
        }
        byte[] buf = new byte[Math.min(512, maxBytes)];
        buf[0] = first;
        int len = 1;
        int lineStart = 0;
        boolean requestLineSeen = false;
        while (true) {
            byte[] line;
            try {
                line = await(stream.readUntil(LF, Math.max(1, maxBytes - len)), ReadLimitException.class);
            } catch (ReadLimitException e) { // the typed await declares it; other failures pass through
                throw new HttpError(431, "request head over " + maxBytes + " bytes");
            }
            if (len + line.length > maxBytes) {
                throw new HttpError(431, "request head over " + maxBytes + " bytes");
            }
            if (len + line.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.min(maxBytes, Math.max(buf.length * 2, len + line.length)));
            }
            System.arraycopy(line, 0, buf, len, line.length);
            len += line.length;
            if (len - lineStart < 2 || buf[len - 2] != '\r') {
                throw bareLf();
            }
            boolean empty = len - lineStart == 2;
            if (empty && requestLineSeen) {
                return Future.completed(RequestParser.parse(buf, len));
            }
            requestLineSeen |= !empty; // RFC 9112 2.2: empty lines before the request line are skipped
            lineStart = len;
        }
    }

    private static HttpError bareLf() {
        return new HttpError(400, "a line of the request head ends in a bare LF");
    }
}
