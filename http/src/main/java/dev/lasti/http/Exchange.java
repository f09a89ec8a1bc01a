package dev.lasti.http;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import dev.lasti.net.StreamClosedException;
import dev.lasti.net.TcpStream;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One request after its head: the body, the handler, the response. While the handler runs, the read of
 * the next request's first byte is already pending: if it reports end of stream or an error, the client
 * has left and the handler's task is cancelled (Tornado's {@code on_connection_close}); if a byte comes, it
 * is a pipelined request, served next.
 */
final class Exchange {
    private static final System.Logger LOG = System.getLogger("dev.lasti.http");
    private static final System.Logger ACCESS = System.getLogger("dev.lasti.http.access");

    private final TcpStream stream;
    private final HttpServerOptions options;
    private final RequestHead head;
    private final HttpConnection connection;
    private Future<byte[]> nextRequest;
    private boolean clientLeft;

    Exchange(TcpStream stream, HttpServerOptions options, RequestHead head, HttpConnection connection) {
        this.stream = stream;
        this.options = options;
        this.head = head;
        this.connection = connection;
    }

    /** The pending read of the next request's first byte, once {@link #run} has completed. */
    Future<byte[]> nextRequest() {
        return nextRequest;
    }

    /**
     * Reads the body, runs {@code handler} and writes its response.
     *
     * @return whether the connection stays open for another request
     * @throws HttpError for a request to refuse before its handler runs
     * @throws StreamClosedException if the client left while the handler ran
     */
    @Async
    Future<Boolean> run(HttpHandler handler) throws HttpError, StreamClosedException {
        long start = System.nanoTime();
        long length = bodyLength(head.headers()); // -1: chunked
        boolean expectContinue = !head.isHttp10() && head.headers().hasToken("Expect", "100-continue");
        RequestBody body = new RequestBody(stream, length < 0, Math.max(length, 0), expectContinue, options);
        HttpRequest bare = new HttpRequest(head, stream.remoteAddress(), body);
        HttpRequest request = body.isDone() || handler.streamsRequestBody(bare) ? bare
                : bare.withBody(await(readWhole(body)));
        if (body.isDone()) {
            nextRequest = stream.read(1); // while the handler runs: see the class comment
        }
        HttpResponse response = await(respond(handler, request));
        // A body the streaming handler left unread would be taken for the next request: close instead.
        boolean keepAlive = !connection.isDraining() && body.isDone() && keepAlive(request, response);
        long sent;
        if (response.streamingBody() == null) {
            byte[] bytes = ResponseWriter.encode(request, response, keepAlive);
            await(stream.write(bytes).withTimeout(options.bodyTimeout())); // a failure closes the connection
            sent = bytes.length;
        } else {
            sent = -1;
            keepAlive = await(stream(request, response, keepAlive));
        }
        if (options.accessLog()) {
            long micros = (System.nanoTime() - start) / 1000;
            ACCESS.log(System.Logger.Level.INFO, () -> stream.remoteAddress() + " \"" + request + "\" "
                    + response.statusCode() + " " + (sent < 0 ? "streamed" : sent + " bytes") + " "
                    + micros / 1000.0 + " ms");
        }
        if (nextRequest == null) {
            nextRequest = stream.read(1);
        }
        return Future.completed(keepAlive);
    }

    /** The whole body within the body timeout; a body the server refuses (400, 413) is an HttpError. */
    @Async
    private Future<byte[]> readWhole(RequestBody body) throws HttpError {
        try {
            return Future.completed(await(body.readAll().withTimeout(options.bodyTimeout())));
        } catch (HttpException e) {
            throw new HttpError(e.status(), e.getMessage());
        }
    }

    /**
     * Sends a response with a {@link StreamingBody}: the head, then the pieces the body writes. Returns
     * whether the connection stays open: not for an HTTP/1.0 body of unknown length, which the close ends.
     */
    @Async
    private Future<Boolean> stream(HttpRequest request, HttpResponse response, boolean keepAlive) {
        long length = declaredLength(response);
        boolean bodyless = ResponseWriter.isBodyless(response.statusCode()) || request.method().equals("HEAD");
        boolean chunked = length < 0 && !bodyless && !request.version().equals("HTTP/1.0");
        boolean open = keepAlive && (length >= 0 || chunked || bodyless);
        byte[] head = ResponseWriter.encodeHead(request, response, open, length, chunked);
        await(stream.write(head).withTimeout(options.bodyTimeout()));
        if (!bodyless) {
            BodyStream sink = new BodyStream(stream, chunked, length, options.bodyTimeout());
            Future<Void> body = response.streamingBody().writeTo(sink);
            await(body == null ? Future.failed(new NullPointerException("the streaming body returned null")) : body);
            await(sink.finish());
        }
        return Future.completed(open);
    }

    /** The Content-Length a streaming response declared, or -1. */
    private static long declaredLength(HttpResponse response) {
        String value = response.headers().first("Content-Length").orElse(null);
        if (value == null) {
            return -1;
        }
        if (!isLength(value)) {
            throw new IllegalStateException("the response's Content-Length is not a number: " + value);
        }
        return Long.parseLong(value);
    }

    /** One to 18 ASCII digits: a length that fits a {@code long}. */
    private static boolean isLength(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The handler's response, or the error page's for a failure (500) or a handler timeout (503). */
    @Async
    private Future<HttpResponse> respond(HttpHandler handler, HttpRequest request) throws StreamClosedException {
        Future<HttpResponse> call;
        try {
            call = handler.handle(request);
            if (call == null) {
                throw new NullPointerException("the handler returned null instead of a future");
            }
        } catch (Throwable t) {
            call = Future.failed(t);
        }
        Future<HttpResponse> timed = options.handlerTimeout().isZero() ? call : call.withTimeout(options.handlerTimeout());
        if (!call.isDone() && nextRequest != null) { // a streaming handler's body is still being read
            watchForClose(call);
        }
        try {
            HttpResponse response = await(timed);
            if (response == null) {
                throw new NullPointerException("the handler's future gave null");
            }
            return Future.completed(response);
        } catch (Throwable t) {
            if (clientLeft) {
                throw new StreamClosedException("the client closed the connection while its handler ran");
            }
            if (t instanceof HttpException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "lasti: " + request + ": " + e.status() + " " + e.getMessage());
                HttpResponse page = errorPage(e.status(), request, e);
                return Future.completed(e.allow() == null ? page : page.header("Allow", e.allow()));
            }
            if (t instanceof TimeoutException && timed != call && call.isCancelled()) {
                LOG.log(System.Logger.Level.WARNING, "lasti: the handler of " + request + " ran out of time");
                return Future.completed(errorPage(503, request, null));
            }
            LOG.log(System.Logger.Level.ERROR, "lasti: the handler failed on " + request, t);
            return Future.completed(errorPage(500, request, t));
        }
    }

    private void watchForClose(Future<HttpResponse> call) {
        nextRequest.whenDone(read -> {
            if (!call.isDone() && (read.cause() != null || read.resultNow().length == 0)) {
                clientLeft = true;
                call.cancel();
            }
        });
    }

    /** The options' error page for {@code status}, with that status whatever the page set. */
    private HttpResponse errorPage(int status, HttpRequest request, Throwable failure) {
        try {
            HttpResponse page = options.errorPage().render(status, request, failure);
            return page == null ? HttpResponse.status(status) : page.withStatus(status);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "lasti: the error page failed for " + status, e);
            return HttpResponse.status(status);
        }
    }

    /** HTTP/1.1 keeps the connection unless either side says close; HTTP/1.0 only if the client asks. */
    private static boolean keepAlive(HttpRequest request, HttpResponse response) {
        if (response.headers().hasToken("Connection", "close")) {
            return false;
        }
        return request.version().equals("HTTP/1.0")
                ? request.headers().hasToken("Connection", "keep-alive")
                : !request.headers().hasToken("Connection", "close");
    }

    /**
     * The body's length from its framing headers (RFC 9112 6.3), after the checks every request gets: an
     * HTTP/1.1 request needs exactly one {@code Host} (RFC 9112 3.2). -1 for a chunked body.
     */
    private long bodyLength(HttpHeaders headers) throws HttpError {
        if (!head.isHttp10() && headers.count("Host") != 1) {
            throw new HttpError(400, "an HTTP/1.1 request needs exactly one Host header");
        }
        List<String> lengths = headers.all("Content-Length");
        if (headers.contains("Transfer-Encoding")) {
            if (!lengths.isEmpty()) {
                throw new HttpError(400, "both Content-Length and Transfer-Encoding");
            }
            if (head.isHttp10()) {
                throw new HttpError(400, "Transfer-Encoding in an HTTP/1.0 request"); // RFC 9112 6.1
            }
            List<String> codings = headers.all("Transfer-Encoding");
            if (codings.size() != 1 || !codings.get(0).strip().equalsIgnoreCase("chunked")) {
                throw new HttpError(501, "unsupported Transfer-Encoding " + String.join(", ", codings));
            }
            return -1;
        }
        long length = -1;
        for (String value : lengths) {
            for (String item : value.split(",", -1)) {
                String digits = item.strip();
                if (!isLength(digits) || (length >= 0 && Long.parseLong(digits) != length)) {
                    throw new HttpError(400, "invalid Content-Length " + value);
                }
                length = Long.parseLong(digits);
            }
        }
        if (length > options.maxBodyBytes()) {
            throw new HttpError(413, "body of " + length + " bytes over " + options.maxBodyBytes());
        }
        return Math.max(length, 0);
    }
}
