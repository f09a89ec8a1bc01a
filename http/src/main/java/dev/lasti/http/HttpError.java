package dev.lasti.http;

/**
 * A request the server refuses with {@link #status}: the connection gets that status with {@code
 * Content-Length: 0} and {@code Connection: close}, then closes.
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false); // control flow, not a bug: no stack trace
        this.status = status;
    }
}
