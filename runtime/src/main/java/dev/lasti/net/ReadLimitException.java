package dev.lasti.net;

import java.io.IOException;

/**
 * Fails a {@link TcpStream#readUntil} that read {@code maxBytes} bytes without finding its delimiter
 * (Tornado's {@code UnsatisfiableReadError}). The stream stays open, but the bytes read so far stay buffered,
 * so a caller usually closes it.
 */
public class ReadLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the limit. */
    public ReadLimitException(String message) {
        super(message);
    }
}
