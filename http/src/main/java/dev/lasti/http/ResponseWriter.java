package dev.lasti.http;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Encodes responses: status line, headers with the server's framing fields, and the body, as one array. */
final class ResponseWriter {
    /** RFC 9110 5.6.7 IMF-fixdate; {@code RFC_1123_DATE_TIME} would write a one-digit day. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** The Date value of the current second, formatted once per second and per loop thread. */
    private static final ThreadLocal<DateCache> DATE = ThreadLocal.withInitial(DateCache::new);

    /** The second a Date value was formatted for, and the value. */
    private static final class DateCache {
        long second = -1;
        String value;
    }

    private static final byte[] NO_BODY = new byte[0];
    /** The statuses the writer sends: 100 Continue is written by itself, the others are 200 to 599. */
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;
    private static final byte[][] STATUS_LINES = statusLines();

    private ResponseWriter() {}

    /**
     * Encodes {@code response} for {@code request}. Head and body go out in one write, so a small response
     * is one TCP segment. A HEAD request gets the headers of the full response but no body; 204 and 304
     * have neither a body nor a {@code Content-Length}.
     */
    static byte[] encode(HttpRequest request, HttpResponse response, boolean keepAlive) {
        boolean bodyless = isBodyless(response.statusCode());
        HeadBuilder head = head(request, response, keepAlive, bodyless ? -1 : response.bodyLength(), false);
        return head.toBytes(bodyless || request.method().equals("HEAD") ? NO_BODY : response.bodyArray());
    }

    /**
     * The head of a response whose body follows in pieces: {@code Content-Length: length} if it is not
     * negative, else {@code Transfer-Encoding: chunked} if {@code chunked}, else neither (the body ends with
     * the connection).
     */
    static byte[] encodeHead(HttpRequest request, HttpResponse response, boolean keepAlive, long length,
            boolean chunked) {
        return head(request, response, keepAlive, length, chunked).toBytes(NO_BODY);
    }

    /** 1xx, 204 and 304 responses have no body (RFC 9110 6.4.1). */
    static boolean isBodyless(int status) {
        return status == 204 || status == 304;
    }

    private static HeadBuilder head(HttpRequest request, HttpResponse response, boolean keepAlive, long length,
            boolean chunked) {
        // The handler's fields as they are (the response object may be shared by many requests), then the
        // framing fields the server owns, in place of any the handler set.
        HeadBuilder out = statusLine(response.statusCode());
        response.headers().appendAllButFraming(out);
        if (!response.headers().contains("Date")) {
            out.append("Date: ").append(date()).crlf();
        }
        if (length >= 0) {
            out.append("Content-Length: ").append(length).crlf();
        } else if (chunked) {
            out.append("Transfer-Encoding: chunked").crlf();
        }
        if (!keepAlive) {
            out.append("Connection: close").crlf();
        } else if (request.version().equals("HTTP/1.0")) {
            out.append("Connection: keep-alive").crlf();
        }
        return out.crlf();
    }

    /** A refusal: the status, {@code Content-Length: 0} and {@code Connection: close}. */
    static byte[] encodeError(int status) {
        return statusLine(status).append("Date: ").append(date()).crlf()
                .append("Connection: close").crlf().append("Content-Length: 0").crlf().crlf().toBytes(NO_BODY);
    }

    /** Now as an IMF-fixdate, cached for the second. */
    static String date() {
        DateCache cache = DATE.get();
        long second = System.currentTimeMillis() / 1000;
        if (second != cache.second) {
            cache.second = second;
            cache.value = IMF_FIXDATE.format(java.time.Instant.ofEpochSecond(second));
        }
        return cache.value;
    }

    private static HeadBuilder statusLine(int status) {
        return new HeadBuilder().append(STATUS_LINES[status - MIN_STATUS]);
    }

    /** {@code HTTP/1.1 200 OK\r\n} and the others, encoded once for every status a response can have. */
    private static byte[][] statusLines() {
        byte[][] lines = new byte[MAX_STATUS - MIN_STATUS + 1][];
        for (int status = MIN_STATUS; status <= MAX_STATUS; status++) {
            lines[status - MIN_STATUS] = new HeadBuilder().append("HTTP/1.1 ").append(status).append(" ")
                    .append(HttpResponse.reason(status)).crlf().toBytes(NO_BODY);
        }
        return lines;
    }
}
