package dev.lasti;

import dev.lasti.internal.Frame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The read side of a result that may not be there yet: what an {@link Async} method returns and what
 * {@link Await#await(Future)} waits for.
 *
 * <p>A future completes once, with a value, a failure, or a cancellation. Completion is safe from any
 * thread. Callbacks registered with {@link #whenDone} run on the completing thread; tasks that await a
 * future are always resumed on their own loop thread.
 *
 * <p>Failures are never lost: a failed future whose failure nobody retrieved ({@link #join}, {@link
 * #resultNow}, {@link #exceptionNow}, {@link #cause}, {@code await}, or a combinator that passes it on) is reported through
 * {@link System.Logger} when the future becomes unreachable, like asyncio's "exception was never retrieved".
 *
 * <p>Use {@link Promise} to make a future that you complete yourself. Subclassing outside lasti is not
 * supported.
 *
 * <h2>Confinement</h2>
 * A task's future (a {@link Frame}) and a yield's ({@link NextIteration}) are <em>loop-confined</em>: while
 * their loop runs, only the loop's thread writes their two fields, with plain release stores, because only
 * the loop completes them. Another thread that registers a callback on one, or cancels a yield, hands the
 * operation to the loop ({@link EventLoop#execute}), so a task that awaits its own loop's futures pays no
 * atomic instruction. Once the loop has closed, everybody, its own thread included, takes the atomic path:
 * <ul>
 *   <li>loop thread writes, other thread reads {@link #isDone}: the release store publishes the value
 *       (fine);</li>
 *   <li>other thread registers while the loop completes: the registration runs on the loop after or
 *       before the completion, and either sees {@link #DONE} or is fired by it (fine);</li>
 *   <li>other thread registers while the loop closes: {@code execute} either accepts, and the loop runs
 *       the registration among its last callbacks, after {@code closed} is set, on the atomic path, or
 *       refuses, and then the caller registers atomically, after the loop's last plain store (the
 *       {@code closed} write and read order them) (fine);</li>
 *   <li>a plain store on the loop racing an atomic one from another thread: cannot happen, since only a
 *       closed loop's futures take the atomic path off the loop (the bad case this rules out).</li>
 * </ul>
 *
 * @param <T> the type of the value
 */
public abstract class Future<T> {
    /** Encodes a {@code null} value, because {@code null} in {@link #result} means "pending". */
    private static final Object NIL = new Object();
    /** The value of {@link #waiters} once the future is done: callbacks added later run at once. */
    private static final Object DONE = new Object();
    private static final VarHandle RESULT;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RESULT = lookup.findVarHandle(Future.class, "result", Object.class);
            WAITERS = lookup.findVarHandle(Future.class, "waiters", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code null} while pending; then {@link #NIL}, a {@link Failure}, or the value itself. */
    private volatile Object result;
    /** {@code null}, one callback, a {@link Waiters} chain (newest first), or {@link #DONE}. */
    private volatile Object waiters;

    /** For lasti's own subclasses: {@link Promise} and the task frames that generated code allocates. */
    protected Future() {}

    /** Returns a future that is already completed with {@code value}. */
    public static <T> Future<T> completed(T value) {
        Future<T> p = new Promise<>();
        p.initCompleted(value == null ? NIL : value);
        return p;
    }

    /** Returns a future that has already failed with {@code error}. */
    public static <T> Future<T> failed(Throwable error) {
        Promise<T> p = new Promise<>();
        p.fail(error);
        return p;
    }

    /**
     * Waits for all futures in parallel (Tornado's {@code yield [f1, f2]}). The result lists the values in
     * input order. The first failure fails the result at once; the other inputs keep running (cancel them
     * with {@link #cancelAll}, or start them in a {@link TaskGroup}, which does it for you). Cancelling the
     * result cancels every input, and the result completes, as cancelled, once every input is done.
     */
    public static <T> Future<List<T>> all(List<? extends Future<? extends T>> futures) {
        return Combinators.all(futures);
    }

    /**
     * Waits for all futures of a map in parallel (Tornado's {@code yield {"a": f1, "b": f2}}). The result
     * keeps the input map's iteration order. Fails fast like {@link #all(List)}.
     */
    public static <K, V> Future<Map<K, V>> all(Map<K, ? extends Future<? extends V>> futures) {
        return Combinators.all(futures);
    }

    /**
     * Completes with the outcome of whichever input completes first, value or failure. The other inputs
     * are left running: {@code Future.cancelAll(inputs)} after the await stops the losers.
     *
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <T> Future<T> any(List<? extends Future<? extends T>> futures) {
        return Combinators.any(futures);
    }

    /**
     * Cancels every future of {@code futures} that is not done yet (see {@link #cancel}): the losers of an
     * {@link #any}, the siblings an {@link #all} left running after a failure. Returns at once; await the
     * futures, or their {@code all}, to wait until they have unwound.
     */
    public static void cancelAll(Iterable<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            f.cancel();
        }
    }

    /**
     * Adapts a {@link CompletionStage}. A {@link java.util.concurrent.CompletionException} from the stage
     * is unwrapped to its cause. Cancelling the result tries to cancel the stage.
     */
    public static <T> Future<T> from(CompletionStage<T> stage) {
        return Combinators.from(stage);
    }

    /**
     * Wraps a callback-style API into a future, like Tornado's {@code gen.Task}: {@code start} receives a
     * fresh promise and hands it to the API as its callback, for example {@code
     * Future.fromCallback(p -> client.get(url, p::handle))}. An exception thrown by {@code start} fails
     * the future.
     */
    public static <T> Future<T> fromCallback(Consumer<? super Promise<T>> start) {
        Promise<T> p = new Promise<>();
        try {
            start.accept(p);
        } catch (Throwable t) {
            p.fail(t);
        }
        return p;
    }

    /** Returns {@code true} once the future has a value, a failure or a cancellation. */
    public final boolean isDone() {
        return result != null;
    }

    /** Returns {@code true} if the future completed by cancellation. */
    public final boolean isCancelled() {
        return result instanceof Failure f && f.error instanceof CancellationException;
    }

    /** Returns {@code true} if the future completed with a failure or a cancellation. */
    public final boolean isFailed() {
        return result instanceof Failure;
    }

    /**
     * Returns the value of a future that completed with one, as {@link java.util.concurrent.Future#resultNow()}
     * does. Never blocks. For "the value, or the failure thrown as {@code await} throws it", use {@link #join()},
     * which on a done future is that and nothing more.
     *
     * @throws IllegalStateException if the future is not done, or failed or was cancelled (then with the
     *     failure as its cause, which counts as retrieving it)
     */
    @SuppressWarnings("unchecked")
    public final T resultNow() {
        Object r = result;
        if (r == null) {
            throw new IllegalStateException("future is not done yet: " + this);
        }
        if (r instanceof Failure f) {
            Throwable error = f.retrieve();
            throw new IllegalStateException(isCancelled() ? "future was cancelled" : "future failed: " + error, error);
        }
        return r == NIL ? null : (T) r;
    }

    /**
     * Returns the failure of a future that failed, as {@link java.util.concurrent.Future#exceptionNow()} does.
     * Counts as retrieving it. Never blocks.
     *
     * @throws IllegalStateException if the future is not done, completed with a value, or was cancelled
     */
    public final Throwable exceptionNow() {
        Object r = result;
        if (!(r instanceof Failure f) || isCancelled()) {
            throw new IllegalStateException(r == null ? "future is not done yet: " + this
                    : isCancelled() ? "future was cancelled" : "future completed with a value");
        }
        return f.retrieve();
    }

    /**
     * Returns the failure (a cancellation included) of a done future, or {@code null} if it has a value or
     * is not done yet, as Netty's and Vert.x's {@code cause()} do. Counts as retrieving it. Never blocks.
     */
    public final Throwable cause() {
        return result instanceof Failure f ? f.retrieve() : null;
    }

    /**
     * Returns the value, or throws the failure unwrapped (a checked exception as it is, like {@code await}),
     * blocking the calling thread until the future is done. On a done future it neither blocks nor
     * allocates: generated code calls it at every {@code await} whose done-check passed. Inside an {@link
     * Async} method use {@code await}; this is for code outside the loop, and tests.
     *
     * @throws IllegalStateException if called on an event-loop thread while the future is pending, which
     *     would block the loop that has to complete it
     */
    @SuppressWarnings("unchecked")
    public final T join() {
        Object r = result; // one volatile read on a done future: the await fast path's second instruction
        if (r == null) {
            block();
            r = result;
        }
        if (r instanceof Failure f) {
            throw Failure.sneaky(f.retrieve());
        }
        return r == NIL ? null : (T) r;
    }

    private void block() {
        if (EventLoop.inLoopThread()) {
            throw new IllegalStateException("join() would block the event loop thread "
                    + Thread.currentThread().getName() + "; use await() inside an @Async method");
        }
        CountDownLatch latch = new CountDownLatch(1);
        whenDone(f -> latch.countDown());
        awaitUninterruptibly(latch);
    }

    /** Waits for {@code latch}; an interrupt does not end the wait, and is set again once it is over. */
    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Requests cancellation. A pending promise or sleep completes with a {@link CancellationException} at
     * once. A suspended task gets the exception thrown at its current {@code await}, so its {@code finally}
     * blocks run, and completes when they have; the results of {@link #all}, {@link #withTimeout} and
     * {@link TaskGroup#run} likewise complete once what they cancelled is done.
     *
     * @return {@code false} if the future was already done
     */
    public boolean cancel() {
        return failWith(new CancellationException("cancelled"));
    }

    /**
     * Runs {@code callback} once the future is done: at once on this thread if it already is, otherwise on
     * the thread that completes it. Callbacks run in the order they were added.
     *
     * @return this future
     */
    public final Future<T> whenDone(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        EventLoop owner = confinement();
        if (owner == null) {
            addShared(callback);
        } else if (owner.isCurrent()) {
            if (!(this instanceof NextIteration next && callback instanceof Frame<?> task && next.park(task))) {
                addConfined(callback); // (a task yielding on its loop parked instead, see NextIteration)
            }
        } else {
            addFromAnotherThread(owner, callback);
        }
        return this;
    }

    private void addShared(Consumer<? super Future<T>> callback) {
        while (true) {
            Object w = waiters;
            if (w == DONE) {
                callback.accept(this);
                return;
            }
            Object next = w == null ? callback : new Waiters(callback, w);
            if (WAITERS.compareAndSet(this, w, next)) {
                return;
            }
        }
    }

    /** On the owner loop's thread, the only writer: no atomic instruction. */
    private void addConfined(Consumer<? super Future<T>> callback) {
        Object w = waiters;
        if (w == DONE) {
            callback.accept(this);
        } else {
            WAITERS.setRelease(this, w == null ? callback : new Waiters(callback, w));
        }
    }

    /** A confined future seen from another thread: done, run at once; otherwise let its loop register. */
    private void addFromAnotherThread(EventLoop owner, Consumer<? super Future<T>> callback) {
        if (isDone()) {
            callback.accept(this);
            return;
        }
        try {
            owner.execute(() -> whenDone(callback));
        } catch (RejectedExecutionException e) {
            addShared(callback); // the loop has closed: its thread no longer stores plainly (see Confinement)
        }
    }

    /**
     * The loop whose thread alone writes this future while it runs, or {@code null} for a future any thread
     * may complete (see Confinement). A frame has one from its first suspension, when other code first sees
     * it; class checks, because a virtual call on every completion would cost what it saves.
     */
    private EventLoop confinement() {
        if (this instanceof Frame<?> task) {
            return task.ownerLoop();
        }
        return this instanceof NextIteration next ? next.loop() : null;
    }

    /**
     * Returns a {@link CompletableFuture} that completes with this future's outcome; cancelling it cancels
     * this future. Responsibility for a failure passes to the returned future.
     */
    public final CompletableFuture<T> toCompletableFuture() {
        return Combinators.toCompletableFuture(this);
    }

    /**
     * Returns a future with this future's outcome that fails with a {@link
     * java.util.concurrent.TimeoutException} if it is not done after {@code timeout}; in that case this
     * future is cancelled, so the work behind it stops, and the timeout is reported once that work has
     * unwound (asyncio's {@code wait_for}). If the future completes anyway, despite the cancellation, the
     * result has its outcome. Must be called on a loop thread, whose timer measures the timeout.
     */
    public final Future<T> withTimeout(Duration timeout) {
        return Combinators.withTimeout(this, timeout);
    }

    /** Completes with {@code value}. Returns {@code false} if the future was already done. */
    protected final boolean succeed(T value) {
        return complete(value == null ? NIL : value);
    }

    /** Completes with {@code error}. Returns {@code false} if the future was already done. */
    protected final boolean failWith(Throwable error) {
        Objects.requireNonNull(error, "error");
        if (result == null && waiters != null) { // only a failure someone awaits has a chain to show
            AsyncTrace.onFailure(this, error);
        }
        Failure failure = new Failure(error);
        if (!complete(failure)) {
            return false;
        }
        failure.watch(this);
        return true;
    }

    /**
     * Completes with the outcome of the done future {@code source}. A failure passes on only if this
     * future takes it: if this one was already done, the source keeps it and still reports it if nobody
     * else retrieves it.
     *
     * @throws IllegalStateException if {@code source} is not done
     */
    protected final boolean completeFrom(Future<? extends T> source) {
        Object r = source.result;
        if (r == null) {
            throw new IllegalStateException("completeFrom needs a done future, not " + source);
        }
        if (r instanceof Failure f) {
            if (!failWith(f.error)) {
                return false;
            }
            f.retrieve();
            return true;
        }
        return complete(r);
    }

    /**
     * Completes a future that no other thread can see yet: with nobody to race, plain release stores do
     * what {@link #complete(Object)}'s two atomic instructions do, and {@code return Future.completed(v)}
     * is the most common way out of an {@code @Async} method.
     */
    private void initCompleted(Object encoded) {
        RESULT.setRelease(this, encoded);
        WAITERS.setRelease(this, DONE);
    }

    private boolean complete(Object encoded) {
        EventLoop owner = confinement();
        return owner != null && owner.isCurrent() ? completeConfined(encoded) : completeShared(encoded);
    }

    private boolean completeShared(Object encoded) {
        if (!RESULT.compareAndSet(this, null, encoded)) {
            return false;
        }
        Object w = WAITERS.getAndSet(this, DONE);
        if (w != null) {
            Waiters.fire(w, this);
        }
        return true;
    }

    /**
     * On the owner loop's thread, the only writer (a confined future is completed off its loop only once the
     * loop has closed, see Confinement): two release stores, which on x86 are plain moves, where the shared
     * path pays a compare-and-set and a swap.
     */
    private boolean completeConfined(Object encoded) {
        if (result != null) {
            return false;
        }
        RESULT.setRelease(this, encoded);
        Object w = waiters;
        WAITERS.setRelease(this, DONE);
        if (w != null) {
            Waiters.fire(w, this);
        }
        return true;
    }

    /** The waiters as they are now (see {@link #waiters}), for the async trace and the task tree. */
    final Object waiterSnapshot() {
        return waiters;
    }

    /** The callbacks in a {@link #waiters} value, oldest first; empty once done or with none. */
    static List<Object> waiterList(Object w) {
        if (w == null || w == DONE) {
            return List.of();
        }
        java.util.ArrayDeque<Object> order = new java.util.ArrayDeque<>();
        Object node = w;
        while (node instanceof Waiters n) {
            order.push(n.head);
            node = n.tail;
        }
        order.push(node);
        return List.copyOf(order);
    }

    @Override
    public String toString() {
        Object r = result;
        String state = r == null ? "pending"
                : r instanceof Failure f ? (isCancelled() ? "cancelled" : "failed: " + f.error)
                : "done";
        return getClass().getSimpleName() + "[" + state + "]";
    }

    /** An immutable chain of callbacks, newest first; fired oldest first. */
    private record Waiters(Consumer<?> head, Object tail) {
        /**
         * Runs the callbacks in {@code w}. A task, the usual waiter, gets a direct call of the final {@link
         * Frame#accept} rather than one through the {@link Consumer#accept} call site that every kind of
         * callback shares, which the JIT can inline (measured: no difference in the yield round trip, where
         * the task parks instead; kept for the wake-up of a task awaiting another task).
         */
        static void fire(Object w, Future<?> future) {
            if (w instanceof Frame<?> task) {
                wake(task, future);
            } else if (w instanceof Waiters chain) {
                fireChain(chain, future);
            } else {
                run((Consumer<?>) w, future);
            }
        }

        private static void fireChain(Waiters chain, Future<?> future) {
            java.util.ArrayDeque<Consumer<?>> order = new java.util.ArrayDeque<>();
            Object node = chain;
            while (node instanceof Waiters n) {
                order.push(n.head);
                node = n.tail;
            }
            order.push((Consumer<?>) node);
            for (Consumer<?> c : order) {
                if (c instanceof Frame<?> task) {
                    wake(task, future);
                } else {
                    run(c, future);
                }
            }
        }

        private static void wake(Frame<?> task, Future<?> future) {
            try {
                task.accept(future);
            } catch (Throwable t) {
                EventLoop.logCallbackFailure(t);
            }
        }

        /** A throwing callback must not keep the others from running, nor escape into the completer. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void run(Consumer c, Future<?> future) {
            try {
                c.accept(future);
            } catch (Throwable t) {
                EventLoop.logCallbackFailure(t);
            }
        }
    }
}
