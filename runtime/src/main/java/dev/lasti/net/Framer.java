package dev.lasti.net;

import java.nio.ByteBuffer;

/**
 * Finds where a message ends in the bytes a {@link TcpStream} has buffered, for {@link
 * TcpStream#readFrame}: a delimiter that {@link TcpStream#readUntil} cannot express, such as "the first
 * empty line, unless a line ends badly first", or a length prefix. It is the one read that hands a whole
 * message over without reading it in pieces.
 *
 * <p>The stream calls {@link #frameLength} on its loop thread each time bytes arrive while the read is
 * pending, always with every byte buffered since the message's start. A framer may keep state between the
 * calls of one read (how far it has scanned, so the work stays linear), so give each read a fresh one
 * unless it keeps none.
 */
@FunctionalInterface
public interface Framer {
    /** What {@link #frameLength} returns while the message is not complete yet. */
    int MORE = -1;

    /**
     * The length of the message at the start of {@code buffered}, or {@link #MORE}.
     *
     * @param buffered a read-only view of the bytes buffered so far, from index 0 (the message's first
     *     byte) to its limit; at most the read's {@code maxBytes} of them. Read it with absolute gets; it is
     *     valid only during the call.
     * @return a length from 1 to {@code buffered.limit()}: that many bytes are the message; or {@link #MORE}
     * @throws RuntimeException to refuse the input: the read fails with it and the bytes stay buffered
     */
    int frameLength(ByteBuffer buffered);
}
