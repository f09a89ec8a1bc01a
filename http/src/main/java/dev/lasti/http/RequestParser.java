package dev.lasti.http;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Parses a request head (request line and header fields, ending in an empty line) strictly, as RFC 9112
 * asks of a server: lines end in CRLF; no bare CR or LF, no obsolete line folding, no whitespace between a
 * field name and its colon. Leniency here is how request smuggling starts. Malformed input is a 400, a
 * well-formed but unsupported version a 505.
 */
final class RequestParser {
    /** Compiled once: {@code String.split("\r\n")} compiles a new pattern on every request (two chars). */
    private static final Pattern CRLF = Pattern.compile("\r\n", Pattern.LITERAL);

    private RequestParser() {}

    /** Parses {@code head}, which ends with CRLF CRLF as {@code readUntil} delivered it. */
    static RequestHead parse(byte[] head) throws HttpError {
        return parse(head, head.length);
    }

    /**
     * Parses the first {@code length} bytes of {@code head}, which end with CRLF CRLF: the reader's own
     * buffer, without a copy trimmed to the head's size.
     */
    static RequestHead parse(byte[] head, int length) throws HttpError {
        // ISO-8859-1 maps every byte to one char, so no input is lost or rejected by the decoding itself.
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        int start = 0;
        // RFC 9112 2.2: ignore empty lines before a request, but keep the final CRLF CRLF.
        while (text.startsWith("\r\n", start) && text.length() - start > 4) {
            start += 2;
        }
        text = text.substring(start, text.length() - 4); // the final CRLF CRLF
        checkLineEndings(text);
        String[] lines = CRLF.split(text, -1);
        String[] requestLine = parseRequestLine(lines[0]);
        HttpHeaders headers = new HttpHeaders();
        for (int i = 1; i < lines.length; i++) {
            parseField(lines[i], headers);
        }
        return new RequestHead(requestLine[0], requestLine[1], requestLine[2], headers);
    }

    private static void checkLineEndings(String text) throws HttpError {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bareCr = c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            boolean bareLf = c == '\n' && (i == 0 || text.charAt(i - 1) != '\r');
            if (bareCr || bareLf || c == 0) {
                throw new HttpError(400, "bare CR, LF or NUL in the request head");
            }
        }
    }

    private static String[] parseRequestLine(String line) throws HttpError {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !HttpHeaders.isToken(parts[0]) || !isTarget(parts[1])) {
            throw new HttpError(400, "malformed request line");
        }
        String target = parts[1];
        if (!(target.startsWith("/") || target.equals("*") || target.contains("://"))) {
            throw new HttpError(400, "malformed request target");
        }
        if (!isVersion(parts[2])) {
            throw new HttpError(400, "malformed HTTP version");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new HttpError(505, "unsupported HTTP version " + parts[2]);
        }
        return parts;
    }

    private static void parseField(String line, HttpHeaders headers) throws HttpError {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new HttpError(400, "malformed header line");
        }
        String name = line.substring(0, colon);
        if (!HttpHeaders.isToken(name)) { // also refuses obs-fold and "Name :" (RFC 9112 5.1)
            throw new HttpError(400, "malformed header name");
        }
        String value = line.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpError(400, "control character in header " + name);
            }
        }
        headers.addTrusted(name, value);
    }

    // Character classes by hand: a regex match per field was a visible share of the server's time per request.

    /** Visible ASCII and obs-text; no spaces or controls in a request target. */
    private static boolean isTarget(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 0x21 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** {@code HTTP/d.d}. */
    private static boolean isVersion(String s) {
        return s.length() == 8 && s.startsWith("HTTP/") && isDigit(s.charAt(5)) && s.charAt(6) == '.'
                && isDigit(s.charAt(7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
