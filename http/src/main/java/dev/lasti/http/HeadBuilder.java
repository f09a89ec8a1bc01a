package dev.lasti.http;

import java.util.Arrays;

/**
 * The bytes of a response head, written as ISO-8859-1 (one byte per char: header values are checked to be
 * Latin-1), with room left for the body so that head and body leave in one array. Before, the head went
 * through a {@code StringBuilder}, its {@code String}, that string's bytes and a joined copy: four copies
 * of every head. Not thread-safe.
 */
final class HeadBuilder {
    private byte[] bytes = new byte[256];
    private int size;

    /** Appends {@code s}, one byte per char. */
    HeadBuilder append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size + i] = (byte) s.charAt(i);
        }
        size += n;
        return this;
    }

    /** Appends {@code bytes} as they are. */
    HeadBuilder append(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, size, more.length);
        size += more.length;
        return this;
    }

    /** Appends {@code n}, which is not negative, in decimal (with no string in between). */
    HeadBuilder append(long n) {
        if (n > Integer.MAX_VALUE) {
            return append(Long.toString(n));
        }
        int v = (int) n;
        int digits = 1;
        for (int rest = v / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
        return this;
    }

    /** Appends CR LF. */
    HeadBuilder crlf() {
        ensure(2);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
        return this;
    }

    /** The head followed by {@code body}, in an array of exactly their length. */
    byte[] toBytes(byte[] body) {
        byte[] all = Arrays.copyOf(bytes, size + body.length);
        System.arraycopy(body, 0, all, size, body.length);
        return all;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
