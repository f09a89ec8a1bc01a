package dev.lasti.http;

import java.nio.charset.StandardCharsets;

/** Encodes responses: status line, headers with the server's framing fields, and the body, as one array. */
final class ResponseWriter {
    private ResponseWriter() {}

    /**
     * Encodes {@code response} for {@code request}. Head and body go out in one write, so a small response
     * is one TCP segment. A HEAD request gets the headers of the full response but no body; 204 and 304
     * have neither a body nor a {@code Content-Length}.
     */
    static byte[] encode(HttpRequest request, HttpResponse response, boolean keepAlive) {
        int status = response.statusCode();
        // A copy: a handler may return the same response object for many requests.
        HttpHeaders headers = response.headers().copy();
        headers.remove("Content-Length").remove("Transfer-Encoding").remove("Connection");
        boolean bodyless = status == 204 || status == 304;
        if (!bodyless) {
            headers.set("Content-Length", Integer.toString(response.bodyBytes().length));
        }
        if (!keepAlive) {
            headers.set("Connection", "close");
        } else if (request.version().equals("HTTP/1.0")) {
            headers.set("Connection", "keep-alive");
        }
        byte[] body = bodyless || request.method().equals("HEAD") ? new byte[0] : response.bodyBytes();
        return join(head(status, headers), body);
    }

    /** A refusal: the status, {@code Content-Length: 0} and {@code Connection: close}. */
    static byte[] encodeError(int status) {
        HttpHeaders headers = new HttpHeaders().set("Content-Length", "0").set("Connection", "close");
        return head(status, headers);
    }

    private static byte[] head(int status, HttpHeaders headers) {
        StringBuilder out = new StringBuilder(128);
        out.append("HTTP/1.1 ").append(status).append(' ').append(HttpResponse.reason(status)).append("\r\n");
        headers.appendTo(out);
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] join(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
