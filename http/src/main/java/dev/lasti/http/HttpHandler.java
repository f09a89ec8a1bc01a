package dev.lasti.http;

import dev.lasti.Future;

/**
 * Answers HTTP requests for an {@link HttpServer}, like a Tornado {@code RequestHandler}. Implement it with
 * an {@code @Async} method; seed S1's slow server reads:
 *
 * <pre>{@code
 * HttpServer.bind(8888, request -> hello(request));
 *
 * @Async Future<HttpResponse> hello(HttpRequest request) {
 *     await(EventLoop.sleep(Duration.ofSeconds(1)));
 *     return Future.completed(HttpResponse.ok("Hello, world\n"));
 * }
 * }</pre>
 *
 * An exception thrown here, or a failed future, gets a 500 response and a log line ({@link HttpException}
 * gets its own status and no log line). The server reads the request body whole before it calls the
 * handler, unless the handler is {@link #streaming}: then the handler reads it, in pieces, from {@link
 * HttpRequest#bodyStream()} (Tornado's {@code @stream_request_body}).
 */
@FunctionalInterface
public interface HttpHandler {
    /** Handles one request; runs on the loop thread. */
    Future<HttpResponse> handle(HttpRequest request);

    /**
     * Whether this handler reads {@code request}'s body itself, from {@link HttpRequest#bodyStream()}; asked
     * once the head is read. The default is no: the server reads the body whole first.
     */
    default boolean streamsRequestBody(HttpRequest request) {
        return false;
    }

    /**
     * {@code handler}, reading its request bodies itself: the server calls it as soon as the head is read,
     * and {@code 100 Continue} goes out only when it starts reading. A body it leaves unread closes the
     * connection after the response.
     */
    static HttpHandler streaming(HttpHandler handler) {
        return new HttpHandler() {
            @Override
            public Future<HttpResponse> handle(HttpRequest request) {
                return handler.handle(request);
            }

            @Override
            public boolean streamsRequestBody(HttpRequest request) {
                return true;
            }
        };
    }
}
