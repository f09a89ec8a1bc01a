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
 * An exception thrown here, or a failed future, gets a 500 response and a log line.
 */
@FunctionalInterface
public interface HttpHandler {
    /** Handles one request; runs on the loop thread. */
    Future<HttpResponse> handle(HttpRequest request);
}
