package dev.lasti.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * Parses a request head (request line and header fields, ending in an empty line) strictly, as RFC 9112
 * asks of a server: lines end in CRLF; no bare CR or LF, no NUL, no obsolete line folding, no whitespace
 * between a field name and its colon. Leniency here is how request smuggling starts. Malformed input is a
 * 400, a well-formed but unsupported version a 505.
 *
 * <p>One pass over the bytes, line by line: each line is cut where its CRLF is and its parts become strings
 * (ISO-8859-1, one char per byte, so no input is lost or refused by the decoding), with no copy of the
 * whole head as text, no regular expression and no array of lines. Before and after, for
 * {@code GET / HTTP/1.1\r\nHost: x\r\n\r\n}:
 *
 * <pre>
 * before: String(head) → strip → check every char → Pattern.split(CRLF) → String[] lines
 *         → line.split(" ") → String[3] → substring name/value → strip → TreeMap
 * after:  bytes → "GET", "/", "HTTP/1.1" (three strings) → "Host", "x" (two) → HttpHeaders
 * </pre>
 */
final class RequestParser {
    /**
     * Field names most requests carry, spelled as clients send them: a name that matches one byte for byte
     * is this constant, not a new string.
     */
    private static final String[] COMMON_NAMES = {"Host", "User-Agent", "Accept", "Accept-Encoding",
        "Accept-Language", "Connection", "Content-Length", "Content-Type", "Cookie", "Cache-Control",
        "Authorization", "Origin", "Referer", "Upgrade-Insecure-Requests", "Transfer-Encoding", "Expect"};

    private RequestParser() {}

    /** The three parts of a request line. */
    private record RequestLine(String method, String target, String version) {}

    /** Parses {@code head}, which ends with CRLF CRLF. */
    static RequestHead parse(byte[] head) throws HttpError {
        return parse(head, head.length);
    }

    /**
     * Parses the first {@code length} bytes of {@code head}. A head that does not end in CRLF CRLF, or
     * that holds a bare CR or LF or a NUL anywhere, is a 400.
     */
    static RequestHead parse(byte[] head, int length) throws HttpError {
        checkBytes(head, length);
        int end = length - 4; // the final CRLF CRLF
        int at = 0;
        // RFC 9112 2.2: ignore empty lines before a request, but keep the final CRLF CRLF.
        while (at < end && head[at] == '\r') {
            at += 2;
        }
        int lineEnd = lineEnd(head, at, end);
        RequestLine line = parseRequestLine(head, at, lineEnd);
        HttpHeaders headers = new HttpHeaders();
        while (lineEnd < end) {
            at = lineEnd + 2;
            lineEnd = lineEnd(head, at, end);
            parseField(head, at, lineEnd, headers);
        }
        return new RequestHead(line.method(), line.target(), line.version(), headers);
    }

    /** Refuses a bare CR, a bare LF or a NUL anywhere, and a head that does not end in CRLF CRLF. */
    private static void checkBytes(byte[] b, int length) throws HttpError {
        boolean endsWell = length >= 4 && b[length - 4] == '\r' && b[length - 3] == '\n'
                && b[length - 2] == '\r' && b[length - 1] == '\n';
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            boolean bareCr = c == '\r' && (i + 1 == length || b[i + 1] != '\n');
            boolean bareLf = c == '\n' && (i == 0 || b[i - 1] != '\r');
            if (bareCr || bareLf || c == 0) {
                throw new HttpError(400, "bare CR, LF or NUL in the request head");
            }
        }
        if (!endsWell) {
            throw new HttpError(400, "the request head does not end in an empty line");
        }
    }

    /** Index of the CR that ends the line starting at {@code from}, or {@code end} for the last line. */
    private static int lineEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\r') {
                return i; // checkBytes made sure an LF follows
            }
        }
        return end;
    }

    /** {@code method SP target SP version}. */
    private static RequestLine parseRequestLine(byte[] b, int from, int to) throws HttpError {
        int sp1 = indexOf(b, ' ', from, to);
        int sp2 = sp1 < 0 ? -1 : indexOf(b, ' ', sp1 + 1, to);
        if (sp2 < 0 || indexOf(b, ' ', sp2 + 1, to) >= 0
                || !isToken(b, from, sp1) || !isTarget(b, sp1 + 1, sp2)) {
            throw new HttpError(400, "malformed request line");
        }
        String target = text(b, sp1 + 1, sp2);
        if (!(target.startsWith("/") || target.equals("*") || target.contains("://"))) {
            throw new HttpError(400, "malformed request target");
        }
        if (!isVersion(b, sp2 + 1, to)) {
            throw new HttpError(400, "malformed HTTP version");
        }
        String version = version(b, sp2 + 1, to);
        if (version == null) {
            throw new HttpError(505, "unsupported HTTP version " + text(b, sp2 + 1, to));
        }
        return new RequestLine(method(b, from, sp1), target, version);
    }

    /** {@code name ":" OWS value OWS}; the name must be a token, the value free of controls. */
    private static void parseField(byte[] b, int from, int to, HttpHeaders headers) throws HttpError {
        int colon = indexOf(b, ':', from, to);
        if (colon <= from) {
            throw new HttpError(400, "malformed header line");
        }
        if (!isToken(b, from, colon)) { // also refuses obs-fold and "Name :" (RFC 9112 5.1)
            throw new HttpError(400, "malformed header name");
        }
        int start = colon + 1;
        int end = to;
        while (start < end && isBlank(b[start])) {
            start++;
        }
        while (end > start && isBlank(b[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xff;
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new HttpError(400, "control character in header " + text(b, from, colon));
            }
        }
        headers.addTrusted(name(b, from, colon), text(b, start, end));
    }

    private static int indexOf(byte[] b, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The common methods as constants: no string per request for them. */
    private static String method(byte[] b, int from, int to) {
        if (matches(b, from, to, "GET")) {
            return "GET";
        }
        if (matches(b, from, to, "POST")) {
            return "POST";
        }
        if (matches(b, from, to, "HEAD")) {
            return "HEAD";
        }
        return text(b, from, to);
    }

    /** A field name: a {@link #COMMON_NAMES} constant if it is one, else a new string. */
    private static String name(byte[] b, int from, int to) {
        for (String common : COMMON_NAMES) {
            if (matches(b, from, to, common)) {
                return common;
            }
        }
        return text(b, from, to);
    }

    /** The two supported versions as their constants, or {@code null} for any other. */
    private static String version(byte[] b, int from, int to) {
        return matches(b, from, to, "HTTP/1.1") ? "HTTP/1.1" : matches(b, from, to, "HTTP/1.0") ? "HTTP/1.0" : null;
    }

    private static boolean matches(byte[] b, int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, ISO_8859_1);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    /** A non-empty RFC 9110 token; {@link HttpHeaders#isToken} for bytes. */
    private static boolean isToken(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HttpHeaders.isTokenChar((char) (b[i] & 0xff))) {
                return false;
            }
        }
        return to > from;
    }

    /** Visible ASCII and obs-text; no spaces or controls in a request target. */
    private static boolean isTarget(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (!((c >= 0x21 && c <= 0x7e) || c >= 0x80)) {
                return false;
            }
        }
        return to > from;
    }

    /** {@code HTTP/d.d}. */
    private static boolean isVersion(byte[] b, int from, int to) {
        return to - from == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T' && b[from + 3] == 'P'
                && b[from + 4] == '/' && isDigit(b[from + 5]) && b[from + 6] == '.' && isDigit(b[from + 7]);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
