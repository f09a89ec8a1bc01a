package dev.lasti.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.net.Framer;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Where {@link HeadFramer} ends a head, against the line-by-line rule it replaces: read a line up to its LF;
 * a line that does not end in CRLF ends the head (to be refused), and so does the first empty line after a
 * non-empty one. The framer must find the same end whether the bytes come at once or a few at a time.
 */
class HeadFramerTest {
    @Test
    void endsWhereTheLineByLineRuleEnds_atOnceAndInPieces() {
        Random random = new Random(1604);
        for (int i = 0; i < 100_000; i++) {
            String head = RandomHeads.next(random, random.nextInt(5) == 0) + "GET /next HTTP/1.1\r\n";
            byte[] bytes = head.getBytes(ISO_8859_1);
            if (bytes[0] == '\n') {
                continue; // HeadReader refuses a head that starts with LF before it reads a frame
            }
            int expected = lineByLine(bytes);
            assertEquals(expected, atOnce(bytes), "at once, for " + RequestParserDifferentialTest.escape(head));
            assertEquals(expected, inPieces(bytes, random),
                    "in pieces, for " + RequestParserDifferentialTest.escape(head));
        }
    }

    /** The old HeadReader's rule: the head's length including its first byte, or -1 for no end. */
    private static int lineByLine(byte[] head) {
        int lineStart = 0;
        boolean requestLineSeen = false;
        for (int i = 0; i < head.length; i++) {
            if (head[i] != '\n') {
                continue;
            }
            int length = i + 1 - lineStart;
            if (length < 2 || head[i - 1] != '\r') {
                return i + 1;
            }
            if (length == 2 && requestLineSeen) {
                return i + 1;
            }
            requestLineSeen |= length > 2;
            lineStart = i + 1;
        }
        return -1;
    }

    /** The framer's answer for every byte after the first at once, as the head's whole length. */
    private static int atOnce(byte[] head) {
        int n = new HeadFramer(head[0]).frameLength(view(head, head.length - 1));
        return n == Framer.MORE ? -1 : n + 1;
    }

    /** The same, shown one growing prefix after another, as a stream shows bytes as they arrive. */
    private static int inPieces(byte[] head, Random random) {
        HeadFramer framer = new HeadFramer(head[0]);
        int shown = 0;
        while (shown < head.length - 1) {
            shown = Math.min(head.length - 1, shown + 1 + random.nextInt(4));
            int n = framer.frameLength(view(head, shown));
            if (n != Framer.MORE) {
                return n + 1;
            }
        }
        return -1;
    }

    private static ByteBuffer view(byte[] head, int n) {
        return ByteBuffer.wrap(head, 1, n).slice().asReadOnlyBuffer();
    }
}
