package dev.lasti.http;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.net.StreamClosedException;
import dev.lasti.net.TcpStream;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Serves the requests of one connection, one after another (Tornado's {@code HTTP1ServerConnection} and
 * {@code _read_message}), as one {@code @Async} loop: wait for a request, read its head and body, run the
 * handler, write the response, and again while the connection is kept alive. Each waiting phase is one
 * {@code await} with its own timeout (the waits for a request share one {@link WaitDeadline}, the others
 * use {@code withTimeout}); a timeout, a client that leaves or a failed write ends the loop, and the one
 * {@code finally} closes the socket. A refused request gets its status and a lingering close.
 */
final class HttpConnection {
    private static final System.Logger LOG = System.getLogger("dev.lasti.http");
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(US_ASCII);
    /** How long a refused client may keep sending before the socket is closed (lingering close). */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final int DRAIN_CHUNK = 64 * 1024;
    /** Pipelined requests served back to back before the loop lets other connections run. */
    private static final int BATCH = 16;

    private final TcpStream stream;
    private final HttpHandler handler;
    private final HttpServerOptions options;
    private final long openedAt;
    /** The deadline of each wait for a request's first byte; it cancels {@link #next} when one passes. */
    private final WaitDeadline waitDeadline;
    /** Set when {@link #waitDeadline} ended a wait, so the cancellation is reported as the timeout it is. */
    private boolean timedOut;
    private int served;
    /** The pending read of the next request's first byte; cancelled when the connection ends. */
    private Future<byte[]> next;
    /** The request being served, whose read of the next first byte may be pending. */
    private Exchange current;
    /** True while waiting for the first byte of a request: the connection may be closed without loss. */
    private boolean idle;
    /** Set by {@link #shutdown()}: answer the current request, then close. */
    private boolean draining;

    HttpConnection(TcpStream stream, HttpHandler handler, HttpServerOptions options) {
        this.stream = stream;
        this.handler = handler;
        this.options = options;
        this.openedAt = stream.loop().nanoTime();
        this.waitDeadline = new WaitDeadline(stream.loop(), () -> {
            timedOut = true;
            next.cancel();
        });
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

    /** Whether a shutdown asked this connection to end after the response in progress. */
    boolean isDraining() {
        return draining;
    }

    /** Serves requests until the client, a limit or a shutdown ends the connection; then closes it. */
    @Async
    Future<Void> serve() {
        try {
            // The read of each request's first byte starts before the handler of the one before it runs:
            // it is how a client that leaves meanwhile is noticed (see Exchange).
            next = stream.read(1);
            while (!draining) {
                idle = true;
                // The first request's head must be complete headerTimeout after the connection opened.
                waitDeadline.begin(served == 0 ? openedAt + options.headerTimeout().toNanos()
                        : stream.loop().nanoTime() + options.idleTimeout().toNanos());
                byte[] first = await(next);
                waitDeadline.end();
                idle = false;
                if (first.length == 0) {
                    break; // the client closed between requests
                }
                RequestHead head = await(HeadReader.read(stream, first[0], options.maxHeaderBytes())
                        .withTimeout(served == 0 ? remainingHeadTime() : options.headerTimeout()));
                Exchange exchange = new Exchange(stream, options, head, this);
                current = exchange;
                boolean keepAlive = await(exchange.run(handler));
                served++;
                if (!keepAlive) {
                    break;
                }
                next = exchange.nextRequest();
                if (served % BATCH == 0) {
                    await(EventLoop.yieldNow()); // a client pipelining without end must not starve the others
                }
            }
        } catch (HttpError e) {
            await(refuse(e));
        } catch (StreamClosedException | CancellationException e) {
            // the client left, the server closed the stream for a shutdown, or the wait for a request timed
            // out: nothing to answer
            if (timedOut) {
                LOG.log(System.Logger.Level.DEBUG, () -> "lasti: closing " + stream + ": no request within "
                        + (served == 0 ? options.headerTimeout() : options.idleTimeout()).toMillis() + " ms");
            }
        } catch (Exception e) { // await declares nothing, so a phase's TimeoutException is caught here
            if (e instanceof TimeoutException) {
                LOG.log(System.Logger.Level.DEBUG, () -> "lasti: closing " + stream + ": " + e.getMessage());
            } else {
                LOG.log(System.Logger.Level.ERROR, "lasti: the connection of " + stream + " failed", e);
            }
        } finally {
            idle = false;
            waitDeadline.close();
            // Reads still pending would fail with the close below, and nobody awaits them: drop them first
            // (a cancellation is never reported as an unretrieved failure).
            next.cancel();
            if (current != null && current.nextRequest() != null) {
                current.nextRequest().cancel();
            }
            stream.close();
        }
        return Future.completed(null);
    }

    /** The first request's head must be complete {@code headerTimeout} after the connection opened. */
    private Duration remainingHeadTime() {
        long left = options.headerTimeout().toNanos() - (stream.loop().nanoTime() - openedAt);
        return Duration.ofNanos(Math.max(left, 1));
    }

    /**
     * Answers with the error's status and closes. The output is shut down first and the input drained for a
     * while, so the client reads the status instead of a reset caused by the bytes it is still sending.
     */
    @Async
    private Future<Void> refuse(HttpError error) {
        LOG.log(System.Logger.Level.DEBUG, () -> "lasti: refusing a request from " + stream + ": "
                + error.status + " " + error.getMessage());
        try {
            stream.write(ResponseWriter.encodeError(error.status)).whenDone(Future::cause);
            await(stream.shutdownOutput());
            await(drain().withTimeout(LINGER));
        } catch (Exception e) {
            // closed, reset or too slow to stop sending (TimeoutException): the caller closes the socket
        }
        return Future.completed(null);
    }

    @Async
    private Future<Void> drain() {
        while (await(stream.read(DRAIN_CHUNK)).length > 0) {
            // discard what a refused client still sends
        }
        return Future.completed(null);
    }

    /** The continue line, sent before a body the client waits to be asked for. */
    static byte[] continueLine() {
        return CONTINUE;
    }
}
