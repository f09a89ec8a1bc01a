package dev.lasti.http;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import dev.lasti.net.ReadLimitException;
import dev.lasti.net.StreamClosedException;
import dev.lasti.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A request body as it arrives, in pieces: {@code Content-Length} or {@code chunked} (decoded; trailer
 * fields are read, counted against the header limit and dropped, as RFC 9112 7.1.2 allows). The body of a
 * {@link HttpHandler#streaming streaming} handler's request; the server reads the others whole with the
 * same code. The first read sends {@code 100 Continue} to a client that waits for it. Loop thread only, one
 * read at a time.
 */
public final class RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int PIECE = 64 * 1024;
    private static final int MAX_SIZE_LINE = 1024;
    private static final String SIZE_LINE_TOO_LONG = "a chunk-size line is over " + MAX_SIZE_LINE + " bytes";

    private final TcpStream stream;
    private final boolean chunked;
    private final HttpServerOptions options;
    /** Bytes left in the body (Content-Length) or in the current chunk. */
    private long remaining;
    private long total;
    private boolean continueDue;
    private boolean done;

    RequestBody(TcpStream stream, boolean chunked, long length, boolean expectContinue, HttpServerOptions options) {
        this.stream = stream;
        this.chunked = chunked;
        this.remaining = chunked ? 0 : length;
        this.options = options;
        this.continueDue = expectContinue;
        this.done = !chunked && length == 0;
    }

    /** Returns {@code true} once the whole body has been read. */
    public boolean isDone() {
        return done;
    }

    /**
     * The next piece of the body, or an empty array at its end. Each read must arrive within the server's
     * body timeout. Fails with {@link StreamClosedException} if the client leaves mid-body, and with {@link
     * HttpException} 400 or 413 for a malformed chunk or a body over the limit.
     */
    @Async
    public Future<byte[]> read() {
        if (done) {
            return Future.completed(new byte[0]);
        }
        sendContinueIfDue();
        if (chunked && remaining == 0) {
            remaining = await(chunkSize());
            if (remaining == 0) {
                await(trailers());
                done = true;
                return Future.completed(new byte[0]);
            }
        }
        byte[] piece = await(timed(stream.read((int) Math.min(remaining, PIECE))));
        if (piece.length == 0) {
            return Future.failed(closedMidBody());
        }
        remaining -= piece.length;
        total += piece.length;
        if (total > options.maxBodyBytes()) {
            throw new HttpException(413, "body over " + options.maxBodyBytes() + " bytes");
        }
        if (remaining == 0) {
            if (chunked) {
                byte[] end = await(timed(stream.readExactly(2)));
                if (end[0] != '\r' || end[1] != '\n') {
                    throw new HttpException(400, "a chunk does not end in CRLF");
                }
            } else {
                done = true;
            }
        }
        return Future.completed(piece);
    }

    /** The rest of the body in one array. */
    @Async
    public Future<byte[]> readAll() {
        if (!chunked) {
            return readRestOfLength();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (!done) {
            all.writeBytes(await(read()));
        }
        return Future.completed(all.toByteArray());
    }

    /**
     * The rest of a {@code Content-Length} body, read straight into one array of its size (the length was
     * checked against the limit with the head): no piece arrays, no growing buffer, no final copy. Each read
     * has the body timeout, as in {@link #read}.
     */
    @Async
    private Future<byte[]> readRestOfLength() {
        if (done) {
            return Future.completed(new byte[0]);
        }
        sendContinueIfDue();
        byte[] all = new byte[(int) remaining];
        ByteBuffer into = ByteBuffer.wrap(all);
        while (into.hasRemaining()) {
            int n = await(timed(stream.read(into)));
            if (n < 0) {
                return Future.failed(closedMidBody());
            }
            remaining -= n;
            total += n;
        }
        done = true;
        return Future.completed(all);
    }

    /** The first read sends {@code 100 Continue} to a client that waits for it before the body. */
    private void sendContinueIfDue() {
        if (continueDue) {
            continueDue = false;
            stream.write(HttpConnection.continueLine()).whenDone(Future::cause); // a failure ends the read too
        }
    }

    private static StreamClosedException closedMidBody() {
        return new StreamClosedException("the client closed the connection in the middle of the body");
    }

    /** {@code chunk-size [ chunk-ext ] CRLF}; extensions are ignored. */
    @Async
    private Future<Long> chunkSize() {
        String line = lineText(await(readLine(MAX_SIZE_LINE, 400, SIZE_LINE_TOO_LONG)));
        int semicolon = line.indexOf(';');
        String hex = semicolon < 0 ? line : line.substring(0, semicolon);
        if (!isChunkSize(hex)) {
            throw new HttpException(400, "malformed chunk size");
        }
        return Future.completed(Long.parseLong(hex, 16));
    }

    /** One to 15 hex digits (String.matches would compile a pattern for every chunk). */
    private static boolean isChunkSize(String hex) {
        if (hex.isEmpty() || hex.length() > 15) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    /**
     * The trailer section: field lines up to an empty line, within the header limit (431 past it, as for
     * the head), then dropped.
     */
    @Async
    private Future<Void> trailers() {
        int budget = options.maxHeaderBytes();
        String tooLong = "trailer section over " + budget + " bytes";
        while (true) {
            byte[] line = await(readLine(budget, 431, tooLong));
            budget -= line.length;
            if (line.length == 2) {
                return Future.completed(null);
            }
            String text = lineText(line);
            int colon = text.indexOf(':');
            if (colon <= 0 || !HttpHeaders.isToken(text.substring(0, colon))) {
                throw new HttpException(400, "malformed trailer field");
            }
        }
    }

    /**
     * One CRLF-ended line of at most {@code max} bytes (the final empty line always fits); a bare CR or LF
     * is a 400, a longer line an {@link HttpException} with {@code tooLongStatus} and {@code tooLong}.
     */
    @Async
    private Future<byte[]> readLine(int max, int tooLongStatus, String tooLong) {
        byte[] line;
        try {
            line = await(timed(stream.readUntil(CRLF, Math.max(max, 2))), ReadLimitException.class);
        } catch (ReadLimitException e) { // the typed await declares it; others pass through
            throw new HttpException(tooLongStatus, tooLong);
        }
        for (int i = 0; i < line.length - 2; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                throw new HttpException(400, "bare CR or LF in the chunked body");
            }
        }
        return Future.completed(line);
    }

    private <T> Future<T> timed(Future<T> read) {
        Duration timeout = options.bodyTimeout();
        return read.withTimeout(timeout);
    }

    private static String lineText(byte[] line) {
        return new String(line, 0, line.length - 2, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
    }
}
