package dev.lasti.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.net.ReadLimitException;
import dev.lasti.net.TcpStream;
import java.time.Duration;
import java.util.List;

/**
 * Serves the requests of one connection, one after another (Tornado's {@code HTTP1ServerConnection}), as a
 * small state machine of callbacks:
 *
 * <pre>
 * awaitRequest --first byte--> readHead --head--> readBody --body--> handler --response--> write
 *      ^                                                                                  |
 *      +-------------------------------- keep-alive ---------------------------------------+
 * </pre>
 *
 * One deadline guards each waiting phase (idle, head, body); when it passes the stream is closed, which fails
 * the pending read and ends the connection. A refused request gets its status and a lingering close.
 */
final class HttpConnection {
    private static final System.Logger LOG = System.getLogger("dev.lasti.http");
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(US_ASCII);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(US_ASCII);
    /** How long a refused client may keep sending before the socket is closed (lingering close). */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final int DRAIN_CHUNK = 64 * 1024;

    private final TcpStream stream;
    private final HttpHandler handler;
    private final HttpServerOptions options;
    private final EventLoop loop;
    /** Completes when the connection is done; the TCP server then closes the stream. */
    private final Promise<Void> done = new Promise<>();
    /** Guards each waiting phase; moved, not re-created, as the request advances. */
    private final Deadline deadline;
    /** The timeout {@link #deadline} was last armed with, for the log line when it expires. */
    private Duration armedTimeout = Duration.ZERO;
    private int served;
    /** True while waiting for the first byte of a request: the connection may be closed without loss. */
    private boolean idle;
    /** Set by {@link #shutdown()}: answer the current request, then close. */
    private boolean draining;

    HttpConnection(TcpStream stream, HttpHandler handler, HttpServerOptions options) {
        this.stream = stream;
        this.handler = handler;
        this.options = options;
        this.loop = stream.loop();
        this.deadline = new Deadline(loop, this::expire);
    }

    /** Serves requests until the client or a limit ends the connection. */
    Future<Void> serve() {
        awaitRequest();
        return done;
    }

    /**
     * Ends the connection for a server shutdown: at once if it waits for a request, otherwise after the
     * response in progress, which then says {@code Connection: close} (Tornado closes idle connections the
     * same way).
     */
    void shutdown() {
        draining = true;
        if (idle) {
            stream.close();
        }
    }

    /** Waits for the first byte of the next request: idle time, or head time for the first request. */
    private void awaitRequest() {
        if (draining) {
            finish();
            return;
        }
        idle = true;
        arm(served == 0 ? options.headerTimeout() : options.idleTimeout());
        stream.readExactly(1).whenDone(first -> {
            idle = false;
            if (first.cause() != null) {
                finish(); // the client closed, or the timer did
                return;
            }
            if (served > 0) {
                arm(options.headerTimeout()); // the client is sending now: the head clock starts
            }
            stream.readUntil(HEAD_END, options.maxHeaderBytes() - 1).whenDone(rest -> onHead(first.resultNow(), rest));
        });
    }

    private void onHead(byte[] first, Future<byte[]> rest) {
        Throwable failure = rest.cause();
        if (failure instanceof ReadLimitException) {
            refuse(new HttpError(431, "request head over " + options.maxHeaderBytes() + " bytes"));
            return;
        }
        if (failure != null) {
            finish();
            return;
        }
        byte[] raw = rest.resultNow();
        byte[] head = new byte[raw.length + 1];
        head[0] = first[0];
        System.arraycopy(raw, 0, head, 1, raw.length);
        try {
            RequestHead parsed = RequestParser.parse(head);
            readBody(parsed, bodyLength(parsed.headers()));
        } catch (HttpError e) {
            refuse(e);
        }
    }

    /** The body's length from its framing headers (RFC 9112 6.3). Chunked request bodies are not supported. */
    private int bodyLength(HttpHeaders headers) throws HttpError {
        List<String> lengths = headers.all("Content-Length");
        if (headers.contains("Transfer-Encoding")) {
            if (!lengths.isEmpty()) {
                throw new HttpError(400, "both Content-Length and Transfer-Encoding");
            }
            throw new HttpError(501, "unsupported Transfer-Encoding " + headers.first("Transfer-Encoding").get());
        }
        long length = -1;
        for (String value : lengths) {
            for (String item : value.split(",", -1)) {
                String digits = item.strip();
                if (!digits.matches("[0-9]{1,18}") || (length >= 0 && Long.parseLong(digits) != length)) {
                    throw new HttpError(400, "invalid Content-Length " + value);
                }
                length = Long.parseLong(digits);
            }
        }
        if (length > options.maxBodyBytes()) {
            throw new HttpError(413, "body of " + length + " bytes over " + options.maxBodyBytes());
        }
        return (int) Math.max(length, 0);
    }

    private void readBody(RequestHead head, int length) {
        if (length > 0 && !head.isHttp10() && head.headers().hasToken("Expect", "100-continue")) {
            stream.write(CONTINUE).whenDone(Future::cause); // a failure shows up on the body read as well
        }
        arm(options.bodyTimeout());
        stream.readExactly(length).whenDone(body -> {
            if (body.cause() != null) {
                finish();
                return;
            }
            disarm();
            dispatch(new HttpRequest(head, body.resultNow(), stream.remoteAddress()));
        });
    }

    private void dispatch(HttpRequest request) {
        Future<HttpResponse> response;
        try {
            response = handler.handle(request);
            if (response == null) {
                throw new NullPointerException("the handler returned null instead of a future");
            }
        } catch (Throwable t) {
            response = Future.failed(t);
        }
        response.whenDone(r -> onLoop(() -> respond(request, r)));
    }

    private void respond(HttpRequest request, Future<HttpResponse> outcome) {
        Throwable failure = outcome.cause();
        HttpResponse response = failure == null ? outcome.resultNow() : null;
        if (response == null) {
            LOG.log(System.Logger.Level.ERROR, "lasti: the handler failed on " + request,
                    failure != null ? failure : new NullPointerException("the handler's future gave null"));
            refuse(new HttpError(500, "handler failure"));
            return;
        }
        boolean keepAlive = keepAlive(request, response) && !draining;
        byte[] bytes = ResponseWriter.encode(request, response, keepAlive);
        arm(options.bodyTimeout()); // a client that stops reading the response must not pin us forever
        stream.write(bytes).whenDone(written -> {
            disarm();
            if (written.cause() != null || !keepAlive) {
                finish(); // a client that left mid-response only ends its own connection
                return;
            }
            served++;
            loop.execute(this::awaitRequest); // a fresh stack per request, however many are pipelined
        });
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
     * Answers with the error's status and closes. The output is shut down first and the input drained for a
     * while, so the client reads the status instead of a reset caused by the bytes it is still sending.
     */
    private void refuse(HttpError error) {
        LOG.log(System.Logger.Level.DEBUG, () -> "lasti: refusing a request from " + stream + ": "
                + error.status + " " + error.getMessage());
        disarm();
        stream.write(ResponseWriter.encodeError(error.status)).whenDone(Future::cause);
        stream.shutdownOutput().whenDone(shut -> {
            if (shut.cause() != null) {
                finish();
                return;
            }
            arm(LINGER);
            drain();
        });
    }

    private void drain() {
        stream.read(DRAIN_CHUNK).whenDone(r -> {
            if (r.cause() != null || r.resultNow().length == 0) {
                finish();
            } else {
                drain();
            }
        });
    }

    private void arm(Duration timeout) {
        armedTimeout = timeout;
        deadline.arm(timeout);
    }

    private void disarm() {
        deadline.disarm();
    }

    private void expire() {
        LOG.log(System.Logger.Level.DEBUG, () -> "lasti: closing " + stream + " after " + armedTimeout.toMillis()
                + " ms without progress");
        stream.close();
    }

    private void finish() {
        deadline.close();
        done.complete(null);
    }

    private void onLoop(Runnable r) {
        if (loop.isCurrent()) {
            r.run();
        } else {
            loop.execute(r);
        }
    }
}
