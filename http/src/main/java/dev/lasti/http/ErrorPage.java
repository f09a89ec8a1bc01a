package dev.lasti.http;

/**
 * Renders the responses the server makes itself for a request it has read: 500 when the handler failed,
 * 503 when it ran out of time, and a {@link Router}'s 404 and 405 (Tornado's {@code write_error}). The
 * server keeps the status and adds {@code Allow} to a 405; the page supplies the body and other headers.
 *
 * <pre>{@code
 * options.withErrorPage((status, request, failure) ->
 *         HttpResponse.status(status).body("<h1>" + status + "</h1>").header("Content-Type", "text/html"));
 * }</pre>
 */
@FunctionalInterface
public interface ErrorPage {
    /** An empty body: the status line says it all. */
    ErrorPage EMPTY = (status, request, failure) -> HttpResponse.status(status);

    /**
     * Renders the page for {@code status}. Runs on the loop thread; must not block.
     *
     * @param failure the handler's exception for a 500, otherwise {@code null}
     */
    HttpResponse render(int status, HttpRequest request, Throwable failure);
}
