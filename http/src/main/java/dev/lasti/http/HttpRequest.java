package dev.lasti.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed HTTP request: method, target (split into path and query), version, headers and the whole
 * {@code Content-Length} body (Tornado's {@code HTTPServerRequest}).
 */
public final class HttpRequest {
    private final String method;
    private final String target;
    private final String version;
    private final HttpHeaders headers;
    private final byte[] body;
    private final InetSocketAddress remoteAddress;
    private final Map<String, String> pathParameters;
    private final RequestBody bodyStream;

    HttpRequest(RequestHead head, byte[] body, InetSocketAddress remoteAddress) {
        this(head.method(), head.target(), head.version(), head.headers(), body, remoteAddress, Map.of(), null);
    }

    HttpRequest(RequestHead head, InetSocketAddress remoteAddress, RequestBody bodyStream) {
        this(head.method(), head.target(), head.version(), head.headers(), new byte[0], remoteAddress, Map.of(),
                bodyStream);
    }

    private HttpRequest(String method, String target, String version, HttpHeaders headers, byte[] body,
            InetSocketAddress remoteAddress, Map<String, String> pathParameters, RequestBody bodyStream) {
        this.method = method;
        this.target = target;
        this.version = version;
        this.headers = headers;
        this.body = body;
        this.remoteAddress = remoteAddress;
        this.pathParameters = pathParameters;
        this.bodyStream = bodyStream;
    }

    /** This request with its body, read whole. */
    HttpRequest withBody(byte[] bytes) {
        return new HttpRequest(method, target, version, headers, bytes, remoteAddress, pathParameters, bodyStream);
    }

    /**
     * The body as it arrives, for a {@link HttpHandler#streaming streaming} handler; for the others it is
     * already read (its {@link RequestBody#read()} gives an empty array) and {@link #body()} has it.
     */
    public RequestBody bodyStream() {
        return bodyStream;
    }

    /** This request with the parameters a {@link Router} pattern matched in its path. */
    HttpRequest withPathParameters(Map<String, String> parameters) {
        return new HttpRequest(method, target, version, headers, body, remoteAddress, Map.copyOf(parameters),
                bodyStream);
    }

    /** The method, as sent: {@code GET}, {@code POST}, ... */
    public String method() {
        return method;
    }

    /** The request target as sent, for example {@code /search?q=lasti}. */
    public String target() {
        return target;
    }

    /**
     * The target up to the {@code ?}, not decoded. For an absolute-form target ({@code
     * http://host/path}, as sent to proxies) it is the part after the authority.
     */
    public String path() {
        String t = originForm();
        int q = t.indexOf('?');
        return q < 0 ? t : t.substring(0, q);
    }

    /** The target after the {@code ?}, not decoded; empty if there is none. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    private String originForm() {
        int scheme = target.indexOf("://");
        if (target.startsWith("/") || scheme < 0) {
            return target;
        }
        int slash = target.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : target.substring(slash);
    }

    /** The first value of query parameter {@code name}, decoded as UTF-8 form data (Tornado's get_argument). */
    public Optional<String> queryParameter(String name) {
        return queryParameters(name).stream().findFirst();
    }

    /** Every value of query parameter {@code name}, in order ({@code ?tag=a&tag=b}); Tornado's get_arguments. */
    public List<String> queryParameters(String name) {
        return formValues(query(), name);
    }

    /**
     * The first value of form field {@code name} in an {@code application/x-www-form-urlencoded} body; empty
     * for any other content type.
     */
    public Optional<String> formParameter(String name) {
        return formParameters(name).stream().findFirst();
    }

    /** Every value of form field {@code name} in an {@code application/x-www-form-urlencoded} body, in order. */
    public List<String> formParameters(String name) {
        String type = headers.first("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        if (!mediaType.equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return List.of();
        }
        return formValues(new String(body, StandardCharsets.ISO_8859_1), name);
    }

    /**
     * The path segment that parameter {@code name} of the matching {@link Router} pattern stood for,
     * percent-decoded: for {@code /users/{id}} and {@code /users/7}, {@code pathParameter("id")} is {@code 7}.
     */
    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    private static List<String> formValues(String encoded, String name) {
        List<String> values = new ArrayList<>(1);
        if (encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
    public String version() {
        return version;
    }

    /** The header fields; names are case-insensitive. */
    public HttpHeaders headers() {
        return headers;
    }

    /** The body bytes; empty without a body, and for a streaming handler. The array is the request's own; do not modify it. */
    public byte[] body() {
        return body;
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The client's address, or {@code null} if it is no longer known. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // malformed %-escapes: hand over the raw text rather than fail the request
        }
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version;
    }
}
