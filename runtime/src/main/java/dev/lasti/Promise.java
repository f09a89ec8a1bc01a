package dev.lasti;

/**
 * A {@link Future} that its creator completes: {@code new Promise<>()}, then {@link #complete} or
 * {@link #fail}, from any thread. Only the first completion counts.
 *
 * @param <T> the type of the value
 */
public class Promise<T> extends Future<T> {
    /**
     * What the promise stands for in task snapshots, or null. The field costs no memory: a promise is 20
     * bytes of header and fields without it, padded to 24 anyway (compressed references).
     */
    private final String description;

    /** Creates a pending promise. */
    public Promise() {
        this.description = null;
    }

    /**
     * Creates a pending promise that task snapshots ({@link EventLoop#taskSnapshot}, {@code lasti pstree})
     * name as {@code description} when a task awaits it, for example {@code "reply from the billing
     * service"}. Pass a constant: it is kept, not copied.
     */
    public Promise(String description) {
        this.description = java.util.Objects.requireNonNull(description, "description");
    }

    /** The description given at creation, or {@code null} for a plain promise. */
    public final String description() {
        return description;
    }

    /** Completes with {@code value}. Returns {@code false} if the promise was already done. */
    public final boolean complete(T value) {
        return succeed(value);
    }

    /** Completes with {@code error}. Returns {@code false} if the promise was already done. */
    public final boolean fail(Throwable error) {
        return failWith(error);
    }

    /**
     * Completes from a callback's {@code (result, error)} pair: fails if {@code error} is not {@code
     * null}, otherwise completes with {@code result}. Fits {@link java.util.function.BiConsumer} callbacks.
     */
    public final void handle(T result, Throwable error) {
        if (error != null) {
            fail(error);
        } else {
            complete(result);
        }
    }

    /**
     * Completes with the outcome of the done future {@code source}, taking over its failure.
     *
     * @throws IllegalStateException if {@code source} is not done yet
     */
    public final boolean completeWith(Future<? extends T> source) {
        return completeFrom(source);
    }
}
