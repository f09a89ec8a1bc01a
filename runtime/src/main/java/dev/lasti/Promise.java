package dev.lasti;

/**
 * A {@link Future} that its creator completes: {@code new Promise<>()}, then {@link #complete} or
 * {@link #fail}, from any thread. Only the first completion counts.
 *
 * @param <T> the type of the value
 */
public class Promise<T> extends Future<T> {
    /** Creates a pending promise. */
    public Promise() {}

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
