package dev.lasti;

import dev.lasti.internal.AsyncGeneratorFrame;

/**
 * What an {@link Async} {@link Generates} method returns: an async generator, Python's {@code async def} with
 * {@code yield}. Its body both awaits futures and yields values; the consumer awaits each value in turn,
 * the way {@code async for} does:
 *
 * <pre>{@code
 * @Async @Generates
 * AsyncGenerator<String> lines(TcpStream stream) {
 *     while (true) {
 *         byte[] line = await(stream.readUntil(NEWLINE, 8192));   // suspends the consumer, not a thread
 *         if (line.length == 0) {
 *             return AsyncGenerator.done();
 *         }
 *         Yield.yield(new String(line, UTF_8).strip());
 *     }
 * }
 *
 * AsyncGenerator<String> lines = lines(stream);
 * while (await(lines.hasNext())) {                                 // seed 004's while (yield cursor.fetch_next)
 *     String line = lines.next();
 * }
 * }</pre>
 *
 * <p>Calling the method runs nothing. {@link #hasNext()} runs the body on the calling loop until its next
 * yield ({@code true}), its end ({@code false}) or its failure (the future fails with it); while the body
 * awaits, the future is pending and the loop runs other tasks. Cancelling that future cancels what the body
 * awaits, so the body gets the {@code CancellationException} at its await and its {@code finally} blocks
 * run; the future completes once they have. A generator belongs to the loop of its first {@code hasNext()}.
 *
 * <p>A generator dropped while suspended runs none of its {@code finally} blocks: {@link #close()} does,
 * by throwing {@link GeneratorExit} in at the yield (those blocks may await). {@code Yield.yield} evaluates
 * to {@code null} here: an async generator is consumed, not sent to. {@code Yield.from} is not supported in
 * one (a build error).
 *
 * @param <T> the type of the yielded values
 */
public interface AsyncGenerator<T> {
    /**
     * Runs the body to its next value: completes with {@code true} when one is ready for {@link #next()},
     * {@code false} once the body has ended. While a value is ready, returns a done future at once; while the
     * body runs, returns the same pending future.
     */
    Future<Boolean> hasNext();

    /**
     * The value the last {@link #hasNext()} made ready.
     *
     * @throws java.util.NoSuchElementException if no value is ready: await {@code hasNext()} first
     */
    T next();

    /**
     * Ends the generator: throws {@link GeneratorExit} in at the suspended yield, so its {@code finally}
     * blocks run, and completes once they have. Done at once for a generator that never started or has ended.
     * A body that yields again instead fails the future with {@code IllegalStateException}.
     *
     * @throws IllegalStateException while a {@link #hasNext()} is pending
     */
    Future<Void> close();

    /** Where the generator is: {@code CREATED}, {@code SUSPENDED}, {@code RUNNING} (a step is pending) or {@code CLOSED}. */
    Generator.State state();

    /**
     * The value the body returned with {@link #done(Object)}.
     *
     * @throws IllegalStateException if the body has not returned
     */
    <R> R returnValue();

    /** Ends the body with {@code value} as its {@link #returnValue()}: {@code return AsyncGenerator.done(v);}. */
    static <T> AsyncGenerator<T> done(Object value) {
        return AsyncGeneratorFrame.finished(value);
    }

    /** Ends the body without a return value: {@code return AsyncGenerator.done();}. */
    static <T> AsyncGenerator<T> done() {
        return AsyncGeneratorFrame.finished(null);
    }
}
