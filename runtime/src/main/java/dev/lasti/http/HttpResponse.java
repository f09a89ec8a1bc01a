package dev.lasti.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response for an {@link HttpHandler} to return, built fluently:
 * {@code HttpResponse.ok("Hello, world\n")}, {@code HttpResponse.status(404).body("no such page")},
 * {@code .header("Cache-Control", "no-store")}. The server sets {@code Content-Length} (and {@code
 * Connection} when it closes); any such header set here is replaced. Not thread-safe.
 */
public final class HttpResponse {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(413, "Content Too Large"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));

    private int status;
    private final HttpHeaders headers = new HttpHeaders();
    private byte[] body = new byte[0];

    private HttpResponse(int status) {
        this.status = status;
    }

    /** A 200 response with {@code text} as a UTF-8 {@code text/plain} body. */
    public static HttpResponse ok(String text) {
        return new HttpResponse(200).body(text);
    }

    /**
     * An empty response with {@code status}.
     *
     * @throws IllegalArgumentException unless {@code 200 <= status <= 599}: 1xx answers are the server's
     */
    public static HttpResponse status(int status) {
        return new HttpResponse(checkStatus(status));
    }

    /** Changes the status code. */
    public HttpResponse withStatus(int status) {
        this.status = checkStatus(status);
        return this;
    }

    /** Sets header {@code name} to {@code value}, replacing earlier values. */
    public HttpResponse header(String name, String value) {
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header names and values must not contain CR or LF");
        }
        headers.set(name, value);
        return this;
    }

    /** Sets a UTF-8 text body; sets {@code Content-Type: text/plain; charset=utf-8} unless one is set. */
    public HttpResponse body(String text) {
        if (!headers.contains("Content-Type")) {
            headers.set("Content-Type", "text/plain; charset=utf-8");
        }
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Sets the body bytes (not copied). */
    public HttpResponse body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    /** The status code. */
    public int statusCode() {
        return status;
    }

    /** The headers set so far. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The body bytes. */
    public byte[] bodyBytes() {
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
