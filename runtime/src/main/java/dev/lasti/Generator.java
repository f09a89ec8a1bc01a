package dev.lasti;

import java.util.Iterator;

/**
 * A suspended {@link Generates} method, Python's generator object: an {@link Iterator} of the values it
 * yields and an {@link Iterable} that returns itself, so a for-each loop consumes it (once).
 * <pre>{@code
 * for (int n : countTo(3)) { ... }
 * Generator<String> g = useYield();
 * g.next();              // runs the body to the first yield: "hello"
 * g.send("world");       // the yield evaluates to "world"; the body returns: NoSuchElementException
 * g.returnValue();       // "world"
 * }</pre>
 * Not thread-safe: one consumer drives a generator. A generator resumed while its body runs (from inside
 * itself) throws {@link IllegalStateException} "generator already executing". A generator dropped while
 * suspended is only garbage: its {@code finally} blocks run only if someone calls {@link #close()} (Python runs
 * them from its finalizer; lasti never runs user code behind the user's back).
 *
 * @param <T> the type of the values it yields
 */
public interface Generator<T> extends Iterator<T>, Iterable<T> {
    /** Where a generator is, Python's {@code inspect.getgeneratorstate}. */
    enum State {
        /** Made by the call, body not started. */
        CREATED,
        /** Stopped at a yield (or delegating through {@link Yield#from}). */
        SUSPENDED,
        /** Its body is on the stack. */
        RUNNING,
        /** Returned, failed or closed: it yields nothing more. */
        CLOSED
    }

    /** Runs the body to its next yield, unless a value is already waiting; false once the body has ended. */
    @Override
    boolean hasNext();

    /**
     * The next yielded value: the same as {@code send(null)} unless {@link #hasNext()} already ran to it.
     *
     * @throws java.util.NoSuchElementException when the body returns ({@link #returnValue()} then has its value)
     */
    @Override
    T next();

    /**
     * Resumes the body, where the suspended yield evaluates to {@code value}, and returns the next yielded
     * value. A just-created generator takes only {@code null} (its body has no yield to receive it yet).
     *
     * @throws java.util.NoSuchElementException when the body returns instead of yielding
     * @throws IllegalStateException if a value fetched by {@link #hasNext()} is still waiting, or a just-created
     *     generator is sent a non-null value, or the generator is already executing
     */
    T send(Object value);

    /**
     * Throws {@code error} at the suspended yield (Python's {@code throw}): the body may catch it and yield
     * again, whose value this returns. A just-created generator ends at once, throwing {@code error}.
     *
     * @throws java.util.NoSuchElementException when the body returns after catching it
     */
    T throwIn(Throwable error);

    /**
     * Ends the generator: a suspended body gets a {@link GeneratorExit} at its yield, so its {@code finally}
     * blocks run. Nothing happens to a created or closed one.
     *
     * @throws IllegalStateException if the body yields again instead of ending
     */
    void close();

    /** Where the generator is now. */
    State state();

    /**
     * What the body returned through {@link Yield#done(Object)}: Python's {@code StopIteration.value}.
     *
     * @throws IllegalStateException if the body has not returned (still running, failed or closed)
     */
    <R> R returnValue();

    /** This generator: a generator is iterated once. */
    @Override
    default Iterator<T> iterator() {
        return this;
    }
}
