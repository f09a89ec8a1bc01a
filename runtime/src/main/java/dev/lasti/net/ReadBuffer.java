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
    /** Bytes asked of the socket per read call; also the initial capacity. */
    static final int CHUNK = 16 * 1024;

    private byte[] data = new byte[0];
    /** A view of {@link #data} for channel reads, kept until the array is replaced: no wrapper per read. */
    private ByteBuffer view = ByteBuffer.wrap(data);
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
        ensureSpace(CHUNK);
        if (view.array() != data) {
            view = ByteBuffer.wrap(data);
        }
        view.limit(data.length).position(end);
        int n = channel.read(view);
        if (n > 0) {
            end += n;
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

    /** Removes and returns the first {@code n} unread bytes. */
    byte[] take(int n) {
        if (n > size()) {
            throw new IllegalArgumentException("take(" + n + ") with only " + size() + " bytes buffered");
        }
        byte[] out = Arrays.copyOfRange(data, start, start + n);
        start += n;
        if (start == end) {
            start = end = 0; // the common case: everything consumed, reuse the array from the front
        }
        return out;
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
