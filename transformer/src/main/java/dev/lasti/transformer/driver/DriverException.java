package dev.lasti.transformer.driver;

import java.nio.file.Path;

/**
 * An I/O failure or an internal fault while transforming, as opposed to a problem in the user's code (those
 * are {@link dev.lasti.transformer.Diagnostic}s in the {@link DriverSummary}).
 */
public final class DriverException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file being processed when it happened, or {@code null} if none in particular. */
    private final transient Path file;

    /**
     * @param message what went wrong, naming the file or class
     * @param file the file being processed, or {@code null}
     * @param cause the underlying exception
     */
    public DriverException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file being processed when it happened, or {@code null} if none in particular. */
    public Path file() {
        return file;
    }
}
