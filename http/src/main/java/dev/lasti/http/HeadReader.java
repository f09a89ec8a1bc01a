package dev.lasti.http;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import dev.lasti.net.ReadLimitException;
import dev.lasti.net.TcpStream;

/**
 * Reads a request head as one frame ({@link HeadFramer} says where it ends) and parses it. A head that is
 * already buffered, the usual case for a keep-alive client, is one read and one parse, with no suspension.
 */
final class HeadReader {
    private HeadReader() {}

    /**
     * Reads the rest of a head whose first byte is {@code first} and parses it.
     *
     * @throws HttpError 431 past {@code maxBytes}, 400 for a bare LF or a malformed head, 505 for a version
     */
    @Async
    static Future<RequestHead> read(TcpStream stream, byte first, int maxBytes) throws HttpError {
        if (first == '\n') {
            throw new HttpError(400, "a line of the request head ends in a bare LF");
        }
        byte[] rest;
        try {
            rest = await(stream.readFrame(new HeadFramer(first), Math.max(1, maxBytes - 1)),
                    ReadLimitException.class);
        } catch (ReadLimitException e) { // the typed await declares it; other failures pass through
            throw tooLarge(maxBytes);
        }
        if (1 + rest.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] head = new byte[1 + rest.length];
        head[0] = first;
        System.arraycopy(rest, 0, head, 1, rest.length);
        return Future.completed(RequestParser.parse(head));
    }

    private static HttpError tooLarge(int maxBytes) {
        return new HttpError(431, "request head over " + maxBytes + " bytes");
    }
}
