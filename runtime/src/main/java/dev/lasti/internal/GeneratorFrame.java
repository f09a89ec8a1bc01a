package dev.lasti.internal;

import dev.lasti.Generator;
import dev.lasti.GeneratorExit;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The base class of every generator frame the transformer generates: one object per call of a {@code
 * @Generates} method, which is at the same time the {@link Generator} the call returns. The generated
 * subclass holds the resume index ({@link #resumePoint()}, CPython's {@code f_lasti}) and one field per saved
 * local and operand-stack value, exactly as for {@link Frame}.
 *
 * <h2>The contract with generated code</h2>
 * For {@code @Generates Generator<T> m(args)} the transformer treats the method's entry as yield site 1 and
 * each {@code Yield.yield(x)} / {@code Yield.from(g)} as the next site:
 * <ul>
 *   <li>{@code m} itself allocates the frame at site 1, saves the arguments and returns {@link
 *       #created(Object)}: nothing of the body has run.</li>
 *   <li>the static {@code m$resume(Owner$m$Frame)} switches on {@code resumePoint}; case k restores the
 *       saved state, pushes {@link #received()} and jumps to just after site k, where {@link #resumed(Object)}
 *       turns it into the yield's value or throws what was thrown in, inside the user's try ranges.</li>
 *   <li>at site k the resume method saves into the same frame and returns {@link #yielded(Object)} or
 *       {@link #delegate(Object)}; its {@code areturn} returns the {@link #finished} generator of
 *       {@code Yield.done(v)}.</li>
 * </ul>
 * The consumer's calls run {@link #resume()} in a loop ({@link #step}), never recursively, except through
 * a {@code Yield.from} chain, one Java frame per delegating generator.
 *
 * @param <T> the type of the yielded values
 */
public abstract class GeneratorFrame<T> implements Generator<T> {
    /** What a resume method returns when the body yielded (it returns {@link #yielded}'s result). */
    private static final Object SUSPENDED = new Object();
    /** No value waiting / not returned. */
    private static final Object NONE = new Object();

    private State state = State.CREATED;
    /** A yielded value not yet handed out, or {@link #NONE}. */
    private Object ready = NONE;
    /** What the next resume delivers at its yield: a sent value or a {@link Thrown}. */
    private Object input;
    /** The inner generator of a suspended {@code Yield.from}, or null. */
    private Generator<?> delegate;
    /** The body's return value, or {@link #NONE} until it returns. */
    private Object result = NONE;

    /** For generated subclasses. */
    protected GeneratorFrame() {}

    /** The resume index: k while suspended at yield site k (site 1 is the method's entry). */
    public abstract int resumePoint();

    /** Runs the body from {@link #resumePoint()}: generated as {@code return Owner.m$resume(this);}. */
    protected abstract Object resume();

    /** An exception to deliver at the yield; only the consumer's throwIn/close allocate one. */
    record Thrown(Throwable error) {}

    // ---- called by generated code

    /** The call of the generator method, which saved the arguments: this generator, not started. */
    public final Generator<T> created(Object unused) {
        return this;
    }

    /** The body yields {@code value}: kept for the consumer; returns what the resume method returns. */
    public final Object yielded(Object value) {
        ready = value;
        return SUSPENDED;
    }

    /** The body delegates to {@code inner} ({@code Yield.from}); returns what the resume method returns. */
    public final Object delegate(Object inner) {
        delegate = Objects.requireNonNull((Generator<?>) inner, "Yield.from(null)");
        return SUSPENDED;
    }

    /** On resumption, what the consumer delivered; pushed by the resume method's prologue. */
    public final Object received() {
        Object in = input;
        input = null;
        return in;
    }

    /** Right after the yield, inside the user's try ranges: the sent value, or the thrown-in exception thrown. */
    public static Object resumed(Object in) {
        if (in instanceof Thrown thrown) {
            throw GeneratorFrame.<RuntimeException>sneaky(thrown.error());
        }
        return in;
    }

    /** {@code Yield.done(value)}: a closed generator carrying the return value to the frame's loop. */
    public static <T> Generator<T> finished(Object value) {
        return new Finished<>(value);
    }

    // ---- the consumer's API

    @Override
    public final boolean hasNext() {
        if (ready == NONE && state != State.CLOSED) {
            step(null);
        }
        return ready != NONE;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generator has ended");
        }
        return take();
    }

    @Override
    public final T send(Object value) {
        if (ready != NONE) {
            throw new IllegalStateException("a value fetched by hasNext() is waiting: take it with next() first");
        }
        if (state == State.CREATED && value != null) {
            throw new IllegalStateException("can't send a non-null value to a just-started generator");
        }
        step(value);
        return takeOrEnd();
    }

    @Override
    public final T throwIn(Throwable error) {
        Objects.requireNonNull(error, "error");
        if (state == State.CREATED || state == State.CLOSED) {
            state = State.CLOSED;
            throw GeneratorFrame.<RuntimeException>sneaky(error);
        }
        ready = NONE;
        step(new Thrown(error));
        return takeOrEnd();
    }

    @Override
    public final void close() {
        if (state == State.CREATED) {
            state = State.CLOSED;
            return;
        }
        if (state == State.CLOSED) {
            return;
        }
        ready = NONE;
        try {
            step(new Thrown(new GeneratorExit()));
        } catch (GeneratorExit expected) {
            return;
        }
        if (ready != NONE) {
            ready = NONE;
            throw new IllegalStateException("generator ignored GeneratorExit");
        }
    }

    @Override
    public final State state() {
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <R> R returnValue() {
        if (result == NONE) {
            throw new IllegalStateException("the generator has not returned (" + state + ")");
        }
        return (R) result;
    }

    @SuppressWarnings("unchecked")
    private T take() {
        Object value = ready;
        ready = NONE;
        return (T) value;
    }

    private T takeOrEnd() {
        if (ready == NONE) {
            throw new NoSuchElementException("the generator has ended");
        }
        return take();
    }

    /** Delivers {@code in} at the current yield and runs until the next yield or the end. */
    private void step(Object in) {
        if (state == State.RUNNING) {
            throw new IllegalStateException("generator already executing");
        }
        if (state == State.CLOSED) {
            return;
        }
        state = State.RUNNING;
        try {
            run(in);
        } catch (Throwable t) {
            state = State.CLOSED;
            delegate = null;
            ready = NONE;
            throw t;
        }
    }

    private void run(Object in) {
        while (true) {
            if (delegate != null) {
                Delegation outcome = Delegation.forward(delegate, in);
                if (outcome instanceof Delegation.Yielded yielded) {
                    ready = yielded.value();
                    state = State.SUSPENDED;
                    return;
                }
                delegate = null;
                in = outcome instanceof Delegation.Ended ended ? ended.value()
                        : new Thrown(((Delegation.Failed) outcome).error());
            }
            input = in;
            Object out = resume();
            if (out == SUSPENDED) {
                if (delegate == null) {
                    state = State.SUSPENDED;
                    return;
                }
                in = Delegation.START;
                continue;
            }
            result = out instanceof Finished<?> finished ? finished.value : null;
            state = State.CLOSED;
            return;
        }
    }

    /** One step of a {@code Yield.from}: what the inner generator did with what the consumer delivered. */
    private sealed interface Delegation {
        /** Delivered right after the delegation starts: the inner generator's first step. */
        Object START = new Object();

        record Yielded(Object value) implements Delegation {}

        record Ended(Object value) implements Delegation {}

        record Failed(Throwable error) implements Delegation {}

        static Delegation forward(Generator<?> inner, Object in) {
            try {
                if (in instanceof Thrown thrown) {
                    if (thrown.error() instanceof GeneratorExit) {
                        inner.close();
                        return new Failed(thrown.error()); // then the outer body gets the exit too
                    }
                    return new Yielded(inner.throwIn(thrown.error()));
                }
                if (in == START) {
                    return inner.hasNext() ? new Yielded(inner.next()) : ended(inner);
                }
                return new Yielded(inner.send(in));
            } catch (NoSuchElementException e) {
                return inner.state() == State.CLOSED && returned(inner) ? ended(inner) : new Failed(e);
            } catch (Throwable e) {
                return new Failed(e);
            }
        }

        private static boolean returned(Generator<?> inner) {
            return !(inner instanceof GeneratorFrame<?> frame) || frame.result != NONE;
        }

        private static Ended ended(Generator<?> inner) {
            try {
                return new Ended(inner.returnValue());
            } catch (IllegalStateException none) {
                return new Ended(null);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** "Generator[Owner.m, suspended at Owner.java:12]", from {@link FrameInfo}. */
    @Override
    public String toString() {
        if (this instanceof Finished) {
            return "Generator[returned " + result + "]";
        }
        return Frames.describeGenerator("Generator", getClass(), state, resumePoint());
    }

    /** What {@code Yield.done(v)} returns to the frame's loop: already closed, never resumed. */
    private static final class Finished<T> extends GeneratorFrame<T> {
        private final Object value;

        Finished(Object value) {
            this.value = value;
            super.markReturned(value);
        }

        @Override
        public int resumePoint() {
            return 0;
        }

        @Override
        protected Object resume() {
            throw new IllegalStateException("a finished generator never resumes");
        }
    }

    private void markReturned(Object value) {
        state = State.CLOSED;
        result = value;
    }
}
