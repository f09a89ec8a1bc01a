package dev.lasti.internal;

import dev.lasti.AsyncGenerator;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Generator.State;
import dev.lasti.GeneratorExit;
import dev.lasti.Promise;
import java.util.NoSuchElementException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The base class of the frames of {@code @Async @Generates} methods: one object per call, which is at the
 * same time the {@link AsyncGenerator} the call returns. Its sites are both kinds at once: the entry (site
 * 1, as for a generator), yields, and awaits.
 *
 * <h2>The contract with generated code</h2>
 * <ul>
 *   <li>the original method allocates the frame at site 1, saves the arguments and returns {@link
 *       #created(Object)}: nothing of the body has run;</li>
 *   <li>at a yield the resume method saves and returns {@link #yielded(Object)}; on resumption the prologue
 *       pushes {@link #received()} and jumps after the yield, where {@link GeneratorFrame#resumed(Object)}
 *       returns {@code null} or throws the {@link GeneratorExit} of {@link #close()};</li>
 *   <li>at an await the done-check passes a done future straight on, as in a task; a pending one is saved
 *       and returned through {@link #suspend(Future)}; on resumption the prologue pushes {@link #awaited()}
 *       and jumps back to the done-check;</li>
 *   <li>{@code return AsyncGenerator.done(v)} returns {@link #finished(Object)}'s object.</li>
 * </ul>
 * The consumer's {@link #hasNext()} and {@link #close()} start a step; the step runs {@link #resume()} in a
 * loop until the body yields, ends, or awaits a pending future, whose completion queues the rest of the step
 * on the generator's loop (never on the completing thread).
 *
 * @param <T> the type of the yielded values
 */
public abstract class AsyncGeneratorFrame<T> implements AsyncGenerator<T>, Consumer<Future<?>>, Runnable {
    private static final Object YIELDED = new Object();
    private static final Object AWAITING = new Object();
    /** No value ready / not returned. */
    private static final Object NONE = new Object();
    private static final Future<Boolean> TRUE = Future.completed(true);
    private static final Future<Boolean> FALSE = Future.completed(false);

    private State state = State.CREATED;
    private Object ready = NONE;
    /** What the next resume at a yield delivers: {@code null}, or the {@link GeneratorExit} of close. */
    private Object input;
    /** The future the body awaits while a step is pending; null otherwise. */
    private Future<?> awaiting;
    /** The consumer's future for the step in progress, or null. */
    private Step step;
    /** True while {@link #resume()} runs: a re-entrant call is "already executing". */
    private boolean executing;
    private EventLoop loop;
    private Object result = NONE;

    /** For generated subclasses. */
    protected AsyncGeneratorFrame() {}

    /** The resume index: k while suspended at site k (site 1 is the method's entry). */
    public abstract int resumePoint();

    /** Runs the body from {@link #resumePoint()}: generated as {@code return Owner.m$resume(this);}. */
    protected abstract Object resume();

    // ---- called by generated code

    /** The call of the method, which saved the arguments: this generator, not started. */
    public final AsyncGenerator<T> created(Object unused) {
        return this;
    }

    /** The body yields {@code value}; returns what the resume method returns. */
    public final Object yielded(Object value) {
        ready = value;
        return YIELDED;
    }

    /** The body awaits the pending {@code awaited}; returns what the resume method returns. */
    public final Object suspend(Future<?> awaited) {
        awaiting = awaited;
        return AWAITING;
    }

    /** On resumption at a yield: what the consumer delivered. */
    public final Object received() {
        Object in = input;
        input = null;
        return in;
    }

    /** On resumption at an await: the awaited future, now done. */
    public final Future<?> awaited() {
        Future<?> a = awaiting;
        awaiting = null;
        return a;
    }

    /** {@code AsyncGenerator.done(value)}: what the body returns when it ends. */
    public static <T> AsyncGenerator<T> finished(Object value) {
        return new Finished<>(value);
    }

    // ---- the consumer's API

    @Override
    public final Future<Boolean> hasNext() {
        if (ready != NONE) {
            return TRUE;
        }
        if (state == State.CLOSED) {
            return FALSE;
        }
        if (step != null) {
            return step.hasNextView();
        }
        Step s = begin(Step.Kind.NEXT, null);
        return s.hasNextView();
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T next() {
        if (ready == NONE) {
            throw new NoSuchElementException(state == State.CLOSED ? "the async generator has ended"
                    : "no value is ready: await hasNext() first");
        }
        Object value = ready;
        ready = NONE;
        return (T) value;
    }

    @Override
    public final Future<Void> close() {
        if (step != null) {
            throw new IllegalStateException("close() while a hasNext() is pending: await or cancel it first");
        }
        if (state == State.CREATED || state == State.CLOSED) {
            state = State.CLOSED;
            return Future.completed(null);
        }
        ready = NONE;
        return begin(Step.Kind.CLOSE, new GeneratorFrame.Thrown(new GeneratorExit())).closeView();
    }

    @Override
    public final State state() {
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <R> R returnValue() {
        if (result == NONE) {
            throw new IllegalStateException("the async generator has not returned (" + state + ")");
        }
        return (R) result;
    }

    // ---- the step machinery

    private Step begin(Step.Kind kind, Object in) {
        if (executing) {
            throw new IllegalStateException("async generator already executing");
        }
        EventLoop current = EventLoop.current();
        if (loop == null) {
            loop = current;
        } else if (loop != current) {
            throw new IllegalStateException("an async generator belongs to the loop that first ran it");
        }
        Step s = new Step(this, kind);
        step = s;
        state = State.RUNNING;
        input = in;
        advance();
        return s;
    }

    /** Resumes the body until it yields, ends, or awaits a pending future. */
    private void advance() {
        Object out;
        executing = true;
        try {
            out = resume();
        } catch (Throwable t) {
            executing = false;
            end(t);
            return;
        }
        executing = false;
        if (out == AWAITING) {
            awaiting.whenDone(this);
        } else if (out == YIELDED) {
            state = State.SUSPENDED;
            Step s = takeStep();
            s.yielded();
        } else {
            result = out instanceof Finished<?> f ? f.value : null;
            end(null);
        }
    }

    private void end(Throwable failure) {
        state = State.CLOSED;
        ready = NONE;
        awaiting = null;
        takeStep().ended(failure);
    }

    private Step takeStep() {
        Step s = step;
        step = null;
        return s;
    }

    /** The awaited future is done, on whatever thread: continue the step on the generator's loop. */
    @Override
    public final void accept(Future<?> done) {
        try {
            loop.execute(this);
        } catch (RejectedExecutionException e) {
            end(new java.util.concurrent.CancellationException("the async generator's loop has shut down"));
        }
    }

    /** The rest of a step, on the loop. */
    @Override
    public final void run() {
        if (awaiting != null && awaiting.isDone() && step != null) {
            advance();
        }
    }

    /** "AsyncGenerator[Owner.m, suspended at Owner.java:12]", from {@link FrameInfo}. */
    @Override
    public String toString() {
        if (this instanceof Finished) {
            return "AsyncGenerator[returned " + result + "]";
        }
        return Frames.describeGenerator("AsyncGenerator", getClass(), state, resumePoint());
    }

    /**
     * One step the consumer waits for: a {@code hasNext()} (true at a yield, false at the end) or a {@code
     * close()} (done at the end or at the {@link GeneratorExit}; a yield means the exit was ignored).
     * Cancelling it cancels what the body awaits, so the body unwinds; the step completes after that.
     */
    private static final class Step extends Promise<Object> {
        enum Kind { NEXT, CLOSE }

        private final AsyncGeneratorFrame<?> generator;
        private final Kind kind;

        Step(AsyncGeneratorFrame<?> generator, Kind kind) {
            this.generator = generator;
            this.kind = kind;
        }

        @SuppressWarnings("unchecked")
        Future<Boolean> hasNextView() {
            return (Future<Boolean>) (Future<?>) this;
        }

        @SuppressWarnings("unchecked")
        Future<Void> closeView() {
            return (Future<Void>) (Future<?>) this;
        }

        void yielded() {
            if (kind == Kind.NEXT) {
                complete(Boolean.TRUE);
            } else {
                generator.ready = NONE;
                fail(new IllegalStateException("async generator ignored GeneratorExit"));
            }
        }

        void ended(Throwable failure) {
            if (failure == null || (kind == Kind.CLOSE && failure instanceof GeneratorExit)) {
                complete(kind == Kind.NEXT ? Boolean.FALSE : null);
            } else {
                fail(failure);
            }
        }

        @Override
        public boolean cancel() {
            if (isDone()) {
                return false;
            }
            Future<?> a = generator.awaiting;
            if (a == null) {
                return super.cancel();
            }
            a.cancel(); // the body gets the CancellationException at its await; this completes after it unwinds
            return true;
        }
    }

    /** What {@code AsyncGenerator.done(v)} returns to the frame: already closed, never resumed. */
    private static final class Finished<T> extends AsyncGeneratorFrame<T> {
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
            throw new IllegalStateException("a finished async generator never resumes");
        }
    }

    private void markReturned(Object value) {
        state = State.CLOSED;
        result = value;
    }
}
