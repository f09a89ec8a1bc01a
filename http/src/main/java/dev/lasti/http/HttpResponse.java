package dev.lasti.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response for an {@link HttpHandler} to return, built fluently:
 * {@code HttpResponse.ok("Hello, world\n")}, {@code HttpResponse.status(404).body("no such page")},
 * {@code .header("Cache-Control", "no-store")}. The server sets {@code Content-Length}, {@code Date} (and
 * {@code Connection} when it closes); any such header set here is replaced.
 *
 * <p>Immutable: every {@code withStatus}, {@code header} and {@code body} returns a new response and leaves
 * this one as it was, so one response may be kept in a constant and returned to many requests, on any
 * thread. {@link #headers()} is read-only.
 */
public final class HttpResponse {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Content Too Large"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));
    private static final byte[] EMPTY = new byte[0];
    private static final HttpHeaders NO_HEADERS = new HttpHeaders().frozen();
    private static final String TEXT_TYPE = "text/plain; charset=utf-8";
    /** What {@link #body(String)} gives a response without headers: shared, since it is read-only. */
    private static final HttpHeaders TEXT_HEADERS = new HttpHeaders().set("Content-Type", TEXT_TYPE).frozen();

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    /** A body written while it is sent, or {@code null} for {@link #body}. */
    private final StreamingBody streaming;

    private HttpResponse(int status, HttpHeaders headers, byte[] body) {
        this(status, headers, body, null);
    }

    private HttpResponse(int status, HttpHeaders headers, byte[] body, StreamingBody streaming) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.streaming = streaming;
    }

    /** A 200 response with {@code text} as a UTF-8 {@code text/plain} body. */
    public static HttpResponse ok(String text) {
        return status(200).body(text);
    }

    /**
     * An empty response with {@code status}.
     *
     * @throws IllegalArgumentException unless {@code 200 <= status <= 599}: 1xx answers are the server's
     */
    public static HttpResponse status(int status) {
        return new HttpResponse(checkStatus(status), NO_HEADERS, EMPTY);
    }

    /** A copy with another status code. */
    public HttpResponse withStatus(int status) {
        return status == this.status ? this : new HttpResponse(checkStatus(status), headers, body, streaming);
    }

    /**
     * A copy with header {@code name} set to {@code value}, replacing earlier values.
     *
     * @throws IllegalArgumentException if the name is not a token or the value not field content (see
     *     {@link HttpHeaders})
     */
    public HttpResponse header(String name, String value) {
        HttpHeaders h = headers.copy(false);
        h.set(name, value);
        return new HttpResponse(status, h.frozen(), body, streaming);
    }

    /** A copy with a value added to header {@code name}, after the ones it has (say, a second Set-Cookie). */
    public HttpResponse addHeader(String name, String value) {
        HttpHeaders h = headers.copy(false);
        h.add(name, value);
        return new HttpResponse(status, h.frozen(), body, streaming);
    }

    /** A copy with a UTF-8 text body; sets {@code Content-Type: text/plain; charset=utf-8} unless one is set. */
    public HttpResponse body(String text) {
        HttpHeaders typed = headers == NO_HEADERS ? TEXT_HEADERS
                : headers.contains("Content-Type") ? headers : header("Content-Type", TEXT_TYPE).headers;
        return new HttpResponse(status, typed, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with these body bytes, copied so that later changes to the array do not reach the response. */
    public HttpResponse body(byte[] bytes) {
        return new HttpResponse(status, headers, bytes.clone());
    }

    /**
     * A copy whose body is written by {@code body} while it is sent (see {@link StreamingBody}); a
     * {@code Content-Length} header set on the response is then the length the body must have.
     */
    public HttpResponse body(StreamingBody body) {
        return new HttpResponse(status, headers, EMPTY, java.util.Objects.requireNonNull(body, "body"));
    }

    /** The streaming body, or {@code null} if the body is {@link #bodyBytes()}. */
    public StreamingBody streamingBody() {
        return streaming;
    }

    /** The status code. */
    public int statusCode() {
        return status;
    }

    /** The headers, read-only. */
    public HttpHeaders headers() {
        return headers;
    }

    /** A copy of the body bytes. */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** The body itself, for the writer, which only reads it. */
    byte[] bodyArray() {
        return body;
    }

    /** The standard reason phrase for {@code status}, or a generic one. */
    static String reason(int status) {
        return REASONS.getOrDefault(status, status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error");
    }

    private static int checkStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be in 200..599: " + status);
        }
        return status;
    }
}
