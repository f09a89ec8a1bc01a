package dev.lasti.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * The one input buffer of a {@link TcpStream}: bytes read from the socket and not yet handed to a reader.
 * Unread bytes live in {@code data[start, end)}; the array grows on demand and is compacted before growing,
 * so a stream that reads small messages keeps a small buffer. Loop thread only.
 */
final class ReadBuffer {
    /** Bytes asked of the socket per read call. */
    static final int CHUNK = 16 * 1024;
    /** An emptied buffer larger than this is dropped, so an idle connection holds no read buffer. */
    private static final int KEEP_WHEN_EMPTY = 4 * 1024;
    /**
     * One direct buffer per loop thread that every socket read lands in first; only the bytes received
     * are copied into the connection's array. The JDK makes the same copy through its own temporary
     * direct buffer when reading into a heap array; doing it here lets 10,000 connections hold only what
     * they have buffered instead of 16 KiB each.
     */
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));

    private byte[] data = new byte[0];
    private int start;
    private int end;

    /** Number of buffered, unread bytes. */
    int size() {
        return end - start;
    }

    /**
     * Reads once from {@code channel} into the buffer.
     *
     * @return the number of bytes read, or -1 at end of stream
     */
    int fillFrom(ReadableByteChannel channel) throws IOException {
        ByteBuffer scratch = SCRATCH.get();
        scratch.clear();
        int n = channel.read(scratch);
        if (n > 0) {
            append(scratch, 0, n);
        }
        return n;
    }

    /**
     * Index (relative to the unread bytes) of the first occurrence of {@code delimiter} that ends within the
     * first {@code limit} bytes, or -1.
     */
    int indexOf(byte[] delimiter, int limit) {
        int last = Math.min(size(), limit) - delimiter.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (data[start + i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A read-only view of the first {@code n} unread bytes, from index 0; valid until the buffer changes. */
    ByteBuffer view(int n) {
        checkSize(n);
        return ByteBuffer.wrap(data, start, n).slice().asReadOnlyBuffer();
    }

    /** A copy of the first {@code n} unread bytes, which stay buffered until {@link #skip}. */
    byte[] copy(int n) {
        checkSize(n);
        return Arrays.copyOfRange(data, start, start + n);
    }

    /**
     * Puts the first {@code n} unread bytes into {@code dst} at its position, advancing it; they stay
     * buffered until {@link #skip}.
     */
    void copyTo(ByteBuffer dst, int n) {
        checkSize(n);
        dst.put(data, start, n);
    }

    /** Drops the first {@code n} unread bytes. */
    void skip(int n) {
        checkSize(n);
        start += n;
        if (start == end) {
            start = end = 0; // the common case: everything consumed, reuse the array from the front
            if (data.length > KEEP_WHEN_EMPTY) {
                data = new byte[0];
            }
        }
    }

    /**
     * Appends the {@code n} bytes of {@code src} from index {@code from}, leaving its position alone: the
     * socket read's scratch buffer, or the bytes that a read put into its caller's buffer and then could not
     * hand over (its future was cancelled from another thread meanwhile).
     */
    void append(ByteBuffer src, int from, int n) {
        ensureSpace(n);
        src.get(from, data, end, n);
        end += n;
    }

    private void checkSize(int n) {
        if (n > size()) {
            throw new IllegalArgumentException(n + " bytes asked for with only " + size() + " buffered");
        }
    }

    /** Makes room for at least {@code wanted} more bytes after {@link #end}. */
    private void ensureSpace(int wanted) {
        if (data.length - end >= wanted) {
            return;
        }
        int size = size();
        if (data.length - size >= wanted && start > 0) {
            System.arraycopy(data, start, data, 0, size);
        } else {
            byte[] bigger = new byte[Math.max(data.length * 2, size + wanted)];
            System.arraycopy(data, start, bigger, 0, size);
            data = bigger;
        }
        start = 0;
        end = size;
    }
}
