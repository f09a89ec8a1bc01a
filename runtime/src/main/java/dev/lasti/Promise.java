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

    /**
     * A pending promise that task snapshots ({@link EventLoop#taskSnapshot}, {@code lasti pstree}) name as
     * {@code description} when a task awaits it, for example {@code "reply from the billing service"}. Pass
     * a constant: it is kept, not copied. A subclass, not a field of every promise: a field here would make
     * a sleep's future 8 bytes larger (a million sleeping tasks: 8 MB).
     */
    public static <T> Promise<T> described(String description) {
        return new Described<>(description);
    }

    /** What task snapshots call this promise: its description, or {@code null} for a plain promise. */
    public String description() {
        return null;
    }

    /** A promise with a description; the same 24 bytes as a plain one (the field fills the padding). */
    private static final class Described<T> extends Promise<T> {
        private final String description;

        Described(String description) {
            this.description = java.util.Objects.requireNonNull(description, "description");
        }

        @Override
        public String description() {
            return description;
        }
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
