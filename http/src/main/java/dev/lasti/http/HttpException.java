package dev.lasti.http;

/**
 * Thrown by a handler (or its future's failure) to answer with a status instead of a response, like
 * Tornado's {@code tornado.web.HTTPError}: the server renders the status with its {@link ErrorPage}, logs
 * nothing above DEBUG, and keeps the connection. A {@link Router} uses it for 404 and 405.
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    /** The {@code Allow} value of a 405, or {@code null}. */
    private final String allow;

    /** An error with {@code status} (400..599). */
    public HttpException(int status) {
        this(status, HttpResponse.reason(checked(status)));
    }

    /** An error with {@code status} (400..599) and a message for the log. */
    public HttpException(int status, String message) {
        this(status, message, null);
    }

    HttpException(int status, String message, String allow) {
        super(message, null, false, false); // an answer, not a bug: no stack trace
        this.status = checked(status);
        this.allow = allow;
    }

    /** The status to answer with. */
    public int status() {
        return status;
    }

    String allow() {
        return allow;
    }

    private static int checked(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HttpException status is in 400..599: " + status);
        }
        return status;
    }
}
