package dev.lasti.http;

import dev.lasti.net.Framer;
import java.nio.ByteBuffer;

/**
 * Where a request head ends, for {@link dev.lasti.net.TcpStream#readFrame}: after the first empty line that
 * follows the request line (empty lines before it are skipped, RFC 9112 2.2), or after the first line that
 * ends in a bare LF. That second rule is why a search for CRLF CRLF will not do: {@code GET /
 * HTTP/1.1\nHost: x\n\n} has none and would wait for the header timeout, where this hands it over at its
 * first LF and the parser refuses it (400). Bare LF is refused, not accepted as Tornado and nginx do: RFC
 * 9112 allows either, and a server that splits lines differently from a proxy in front of it is how request
 * smuggling starts.
 *
 * <p>The stream's buffered bytes start after the head's first byte, which the connection has already
 * read; each call goes on scanning where the last one stopped, so a head that trickles in is scanned once.
 * One framer per head.
 */
final class HeadFramer implements Framer {
    /** How many bytes of the buffer have been scanned. */
    private int scanned;
    /** The byte before {@code buffered[scanned]}: at first, the head's first byte. */
    private byte previous;
    /** Bytes of the current line so far, its CR included. */
    private int lineLength = 1;
    private boolean requestLineSeen;

    /** A framer for the head whose first byte, already read, is {@code first} (not LF). */
    HeadFramer(byte first) {
        previous = first;
    }

    @Override
    public int frameLength(ByteBuffer buffered) {
        int limit = buffered.limit();
        for (int i = scanned; i < limit; i++) {
            byte c = buffered.get(i);
            if (c != '\n') {
                lineLength++;
                previous = c;
                continue;
            }
            scanned = i + 1;
            if (previous != '\r' || (lineLength == 1 && requestLineSeen)) {
                return i + 1; // a bare LF, for the parser to refuse; or the empty line that ends the head
            }
            requestLineSeen |= lineLength > 1;
            lineLength = 0;
            previous = c;
        }
        scanned = limit;
        return MORE;
    }
}
