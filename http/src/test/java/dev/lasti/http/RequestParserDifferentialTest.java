package dev.lasti.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte parser against a reference written the plain way (the head as one string, split into lines,
 * each line split at its spaces or its colon), on random heads: the same fields, or the same refusal.
 */
class RequestParserDifferentialTest {
    private static final int HEADS = 200_000;

    @Test
    void agreesWithTheStringReference_onRandomHeads() {
        Random random = new Random(16);
        int accepted = 0;
        for (int i = 0; i < HEADS; i++) {
            String head = RandomHeads.next(random, false);
            String expected = reference(head);
            String actual = outcome(head);
            assertEquals(expected, actual, "for " + escape(head));
            accepted += expected.startsWith("ok") ? 1 : 0;
        }
        // The generator must exercise both sides: mostly refusals (faults are mixed into every part), but
        // thousands of heads parsed field by field.
        assertEquals(true, accepted > HEADS / 100 && accepted < HEADS - HEADS / 100, accepted + " accepted");
    }

    private static String outcome(String head) {
        try {
            RequestHead h = RequestParser.parse(head.getBytes(ISO_8859_1));
            return describe(h.method(), h.target(), h.version(), fields(h.headers()));
        } catch (HttpError e) {
            return "refused " + e.status;
        }
    }

    private static List<String> fields(HttpHeaders headers) {
        List<String> out = new ArrayList<>();
        for (String name : headers.names()) {
            out.add(name.toLowerCase() + "=" + headers.all(name));
        }
        return out;
    }

    private static String describe(String method, String target, String version, List<String> fields) {
        return "ok " + method + " " + target + " " + version + " " + fields;
    }

    /** What a strict parser makes of {@code head}, written for clarity, not speed. */
    private static String reference(String head) {
        if (!head.endsWith("\r\n\r\n") || head.replace("\r\n", "").matches("(?s).*[\r\n\u0000].*")) {
            return "refused 400"; // bare CR or LF, NUL, or no final empty line
        }
        String text = head.substring(0, head.length() - 4);
        while (text.startsWith("\r\n")) {
            text = text.substring(2);
        }
        String[] lines = text.split("\r\n", -1);
        String[] parts = lines[0].split(" ", -1);
        if (parts.length != 3 || !parts[0].matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")
                || !parts[1].matches("[\\x21-\\x7e\\x80-\\xff]+")) {
            return "refused 400";
        }
        if (!(parts[1].startsWith("/") || parts[1].equals("*") || parts[1].contains("://"))) {
            return "refused 400";
        }
        if (!parts[2].matches("HTTP/[0-9]\\.[0-9]")) {
            return "refused 400";
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            return "refused 505";
        }
        HttpHeaders headers = new HttpHeaders();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !HttpHeaders.isToken(lines[i].substring(0, colon))) {
                return "refused 400";
            }
            String value = lines[i].substring(colon + 1).replaceAll("^[ \t]+|[ \t]+$", "");
            if (value.matches("(?s).*[\\x00-\\x08\\x0a-\\x1f\\x7f].*")) {
                return "refused 400";
            }
            headers.addTrusted(lines[i].substring(0, colon), value);
        }
        return describe(parts[0], parts[1], parts[2], fields(headers));
    }

    static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0");
    }
}
