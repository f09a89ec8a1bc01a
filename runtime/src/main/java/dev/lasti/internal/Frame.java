package dev.lasti.internal;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The base class of every frame the transformer generates: one object per suspended call of an {@code
 * @Async} method, which is at the same time the task's {@link Future}. The generated subclass holds the
 * resume index ({@link #resumePoint()}, CPython's {@code f_lasti}) and a field per saved local and per
 * saved operand-stack value.
 *
 * <h2>The contract with generated code</h2>
 * For {@code @Async Future<T> m(args)} in class {@code Owner}, the transformer emits:
 * <ul>
 *   <li>a final subclass {@code Owner$m$Frame} in {@code Owner}'s package, with a package-private {@code
 *       int resumePoint} field that {@link #resumePoint()} returns, a static initializer that calls
 *       {@link #checkFormat checkFormat(format, Owner$m$Frame.class)}, and a {@link #resume()} that is
 *       {@code return Owner.m$resume(this);}</li>
 *   <li>at each await site {@code k} (1-based), a done-check: {@code dup; invokevirtual
 *       Future.isDone; ifeq suspend_k; invokevirtual Future.join}. A done future never leaves the
 *       method: no allocation, no loop.</li>
 *   <li>in {@code m} itself, {@code suspend_k} allocates the frame, saves the live locals and the stack
 *       under the future into its fields, sets its {@code resumePoint = k} and returns {@link
 *       #start(Future)}: the frame, now a pending task.</li>
 *   <li>a static {@code m$resume(Owner$m$Frame)}: a copy of the body that begins with a switch on {@code
 *       resumePoint}. Case {@code k} restores the locals and the stack, pushes {@link #awaited()} and
 *       jumps back to await site {@code k}, whose done-check now passes. Its own {@code suspend_k} saves
 *       into the same frame and returns {@link #suspend(Future)}; its {@code areturn}s return the future
 *       the body produced.</li>
 * </ul>
 * The runtime calls {@link #resume()} from {@link #run()} in a loop, never recursively: a wake-up is a
 * callback queued on the task's own loop, whatever thread completed the awaited future.
 *
 * @param <T> the type of the task's value
 */
public abstract class Frame<T> extends Future<T> implements Runnable, Consumer<Future<?>> {
    /** What a resume method returns when the body suspended again (it returns {@link #suspend}'s result). */
    private static final Object SUSPENDED = new Object() {
        @Override
        public String toString() {
            return "SUSPENDED";
        }
    };

    /**
     * {@code dev.lasti.NextIteration}, package-private there: the class is all this package needs of it,
     * and a class literal needs no access, so it stays out of every public API.
     */
    private static final Class<?> NEXT_ITERATION = nextIterationClass();

    /** What a resume method returns after {@link #returnValue} completed the frame. */
    private static final Object RETURNED = new Object();

    /**
     * The frame format this runtime understands: the shape of the generated frame classes and of the calls
     * they make into this package. The transformer stamps its own format into each frame class, whose
     * static initializer calls {@link #checkFormat}. Bump it whenever that contract changes.
     */
    private static final int FORMAT = 3;

    /** What the await of a {@code NextIterationMark} gets on resumption: the yield's outcome, nothing. */
    private static final Future<Void> NEXT_ITERATION_DONE = Future.completed(null);

    /** The future this task waits for; non-null exactly while suspended. */
    private Future<?> awaiting;
    /** Set by {@link #cancel()}; delivered as a CancellationException at the current or next await. */
    private boolean cancelRequested;
    /**
     * The cancellation has been delivered: later requests do nothing, so a task's {@code finally} blocks
     * run to their end even when two paths cancel it (a group and the parent that awaits the child).
     */
    private boolean cancelDelivered;
    /** The body has returned a pending future, now held in {@link #awaiting}; its outcome becomes ours. */
    private boolean returned;
    /**
     * The loop's list of live tasks, with the task-local values this task had when it last suspended (see
     * {@link TaskHome}: one field for both); set at the first suspension.
     */
    TaskHome home;
    /** Links in the task list while the task is live. */
    Frame<?> prev;
    Frame<?> next;
    boolean linked;

    /** For generated subclasses. */
    protected Frame() {}

    /**
     * Called once per frame class, from its static initializer, so a class built by a transformer of another
     * frame format fails on first use with a message that says so, instead of misbehaving or failing later
     * with a {@code NoSuchMethodError}. Costs nothing per call.
     *
     * @param format the frame format the transformer that wrote {@code frameClass} emits
     * @param frameClass the generated frame class
     * @throws IncompatibleClassChangeError if {@code format} is not the one this runtime understands
     */
    public static void checkFormat(int format, Class<?> frameClass) {
        if (format != FORMAT) {
            throw new IncompatibleClassChangeError(FrameFormat.mismatch(frameClass, format, FORMAT));
        }
    }

    /**
     * {@code EventLoop.yieldNow()} where its result is awaited at once: the transformer's {@code
     * NextIterationAwaits} pass calls this instead. It throws what {@code yieldNow()} throws, at the same
     * place in the body, and returns the {@code NextIterationMark}: the task suspends on it and queues
     * itself (see {@link #waitFor}), so the yield allocates nothing.
     *
     * @throws IllegalStateException if the calling thread runs no event loop
     * @throws RejectedExecutionException if its loop has shut down
     */
    public static Future<Void> nextIteration() {
        return markOn(EventLoop.current());
    }

    /**
     * {@link #nextIteration()} in a resume method, which runs on this task's loop: the same checks, on the
     * loop the frame already knows.
     *
     * @throws RejectedExecutionException if the loop has shut down
     */
    public final Future<Void> yieldMark() {
        return markOn(tasks().loop());
    }

    /** The mark, once {@code loop}, the calling thread's, is known to accept the task's queueing. */
    private static Future<Void> markOn(EventLoop loop) {
        if (!loop.isCurrent()) {
            throw new RejectedExecutionException("the event loop has shut down");
        }
        return NextIterationMark.MARK;
    }

    /**
     * The resume index, CPython's {@code f_lasti}: 0 before the first suspension, k while suspended at
     * (and resuming after) the k-th await. The field is the generated class's own, written by generated
     * code in the owner's package with a plain {@code putfield}; the runtime only reads it, through this.
     */
    public abstract int resumePoint();

    /** Runs the body from {@link #resumePoint()}: generated as {@code return Owner.m$resume(this);}. */
    protected abstract Object resume();

    /**
     * The first suspension, called by the original method: binds this task to the current loop and
     * registers it on {@code awaited}. Returns this frame, the task's future, for the method to return.
     *
     * @throws IllegalStateException if the calling thread runs no event loop
     */
    public final Future<T> start(Future<?> awaited) {
        TaskList list = TaskList.current();
        list.add(this);
        if (list.context != null) {
            home = TaskHome.of(list, list.context);
        }
        awaiting = awaited;
        waitFor(awaited);
        return this;
    }

    /**
     * The loop this task runs on, {@code null} before its first suspension. Its thread alone completes the
     * task while it runs, which makes the task loop-confined (see {@code Future}'s "Confinement"); after
     * the loop closes, {@link #abandon} may complete it from any thread. For the runtime, not for users.
     */
    public final EventLoop ownerLoop() {
        TaskHome h = home;
        return h == null ? null : h.list().loop();
    }

    /** The future this task waits for now, {@code null} while it runs; for the task list's snapshots. */
    final Future<?> awaitingNow() {
        return awaiting;
    }

    /** A later suspension, from the resume method: records {@code awaited} and returns {@link #SUSPENDED}. */
    public final Object suspend(Future<?> awaited) {
        awaiting = awaited;
        return SUSPENDED;
    }

    /**
     * {@code return Future.completed(value)} in a resume method: completes this task with {@code value}
     * without allocating a future to copy from (see the transformer's ReturnInPlace pass). Returns what
     * the resume method returns.
     */
    @SuppressWarnings("unchecked")
    public final Object returnValue(Object value) {
        tasks().remove(this);
        succeed((T) value);
        return RETURNED;
    }

    /**
     * On resumption, the future the task waited for, now done. If the task was cancelled and that future
     * ended cancelled, a future failed with {@code CancellationException("task cancelled")}, so the await
     * throws it. If the future completed with a value or a failure before the cancellation could stop it
     * (a lock granted, an item taken, a task that caught the exception and returned), the task gets that
     * outcome, so nothing it was given is lost, and the cancellation waits for the task's next await.
     */
    public final Future<?> awaited() {
        Future<?> a = awaiting;
        awaiting = null;
        boolean yielded = a == NextIterationMark.MARK;
        if (cancelRequested && (yielded || a.isCancelled())) {
            cancelRequested = false;
            cancelDelivered = true;
            return Future.failed(new CancellationException("task cancelled"));
        }
        return yielded ? NEXT_ITERATION_DONE : a;
    }

    /**
     * Wake-up from the awaited future, on whatever thread completed it: queue a step on our loop. A yield
     * of our loop ({@code EventLoop.yieldNow()}, a {@code NextIteration}) completing normally on our loop
     * is already that step, so the task resumes inline (see there why this cannot recurse).
     */
    @Override
    public final void accept(Future<?> completed) {
        if (completed.getClass() == NEXT_ITERATION && !completed.isCancelled() && tasks().loop().isCurrent()) {
            run();
        } else if (!isDone()) {
            try {
                tasks().loop().execute(this);
            } catch (RejectedExecutionException e) {
                // the loop has shut down and already dropped this task (see TaskList.dropAll)
            }
        }
    }

    /**
     * Registers for the wake-up (on a future of our own loop, without an atomic: see Future's "Confinement").
     * A yield ({@code NextIterationMark}) is its own wake-up: the task queues itself, and the loop, which
     * {@link #nextIteration} has just found open on this thread, accepts it.
     */
    private void waitFor(Future<?> awaited) {
        if (awaited == NextIterationMark.MARK) {
            tasks().loop().execute(this);
        } else {
            awaited.whenDone(this);
        }
    }

    /**
     * One scheduled step, on the loop thread: resumes the body once the awaited future is done, and only
     * then, also after a cancellation (a cancelled task that awaits another task waits until that one has
     * unwound). Stale wake-ups (the task moved on) are ignored. A task suspended on the {@code
     * NextIterationMark} queued this step itself, so the step resumes it.
     */
    @Override
    public final void run() {
        Future<?> a = awaiting;
        if (a == null || isDone() || (a != NextIterationMark.MARK && !a.isDone())) {
            return;
        }
        if (returned) { // the future the body returned is done: its outcome becomes ours
            awaiting = null;
            tasks().remove(this);
            @SuppressWarnings("unchecked")
            Future<T> outcome = (Future<T>) a;
            completeFrom(outcome);
            return;
        }
        TaskHome h = home;
        TaskList list = h.list();
        if (list.contextual) {
            stepWithValues(h, list);
            return;
        }
        step();
        if (list.contextual) { // this step set the loop's first task-local value: it is this task's
            home = TaskHome.of(list, list.context);
            list.context = null;
        }
    }

    /**
     * {@link #step()} with this task's task-local values swapped in, and the hook around it; a step that
     * changed the values gives the task a new home holding them.
     */
    private void stepWithValues(TaskHome h, TaskList list) {
        Object outer = list.context;
        list.context = h.values();
        if (list.hook != null) {
            list.resumedHook();
        }
        try {
            step();
        } finally {
            if (list.hook != null) {
                list.suspendedHook();
            }
            if (list.context != h.values()) { // the step changed the task's values: keep the new ones
                home = TaskHome.of(list, list.context);
            }
            list.context = outer;
        }
    }

    /** The loop's list of live tasks. */
    private TaskList tasks() {
        return home.list();
    }

    /** Resumes the body until it suspends on a pending future or ends. */
    private void step() {
        while (true) {
            Object out;
            try {
                out = resume();
            } catch (Throwable t) {
                tasks().remove(this);
                failWith(t);
                return;
            }
            if (out == RETURNED) {
                return;
            }
            if (out != SUSPENDED) {
                finish(out);
                return;
            }
            if (cancelRequested) { // not delivered yet: deliver at this await
                awaiting.cancel();
                if (awaiting.isDone() || awaiting == NextIterationMark.MARK) { // a yield takes it at once
                    continue;
                }
            }
            waitFor(awaiting);
            return;
        }
    }

    /**
     * Cancels the task: the awaited future is cancelled, and once it is done the task gets a {@link
     * CancellationException} at its await, so its {@code finally} blocks run. When the awaited future is
     * another task, that task unwinds first: its {@code finally} blocks, including ones that await, run
     * before this task's. Safe from any thread; takes effect on the loop, in a later iteration, so {@link
     * #isCancelled()} turns true only then. A task that finishes before the cancellation reaches it keeps
     * its outcome, and so does an await whose future completed before it could be cancelled: the
     * exception then comes at the next await. A task is cancelled once: after the exception has been
     * thrown, further requests do nothing, so its {@code finally} blocks, awaits included, run to their
     * end however many paths cancel it. A task that catches the exception may go on, and is then no
     * longer cancellable (the loop's shutdown timeout still bounds it).
     *
     * @return {@code false} if the task was already done; {@code true} if the request was queued
     */
    @Override
    public final boolean cancel() {
        if (isDone()) {
            return false;
        }
        try {
            tasks().loop().execute(this::deliverCancel);
        } catch (RejectedExecutionException e) {
            return abandon(); // the loop is gone, so no finally block can run any more
        }
        return true;
    }

    /** Completes the task as cancelled without resuming it: its loop has shut down. */
    final boolean abandon() {
        return failWith(new CancellationException("task dropped: its event loop has shut down"));
    }

    /**
     * On the loop, between steps: cancels what the task awaits. Its completion wakes the task through
     * {@link #accept} as any completion does, and a task we await completes only once it has unwound, so
     * this task resumes after it. If the awaited future was already done (its wake-up is queued), the
     * request stays set and {@link #run} delivers it at the next await.
     */
    private void deliverCancel() {
        if (isDone() || cancelRequested || cancelDelivered) {
            return;
        }
        cancelRequested = true;
        Future<?> a = awaiting;
        if (a != null) {
            a.cancel();
        }
    }

    private static Class<?> nextIterationClass() {
        try {
            return Class.forName("dev.lasti.NextIteration", false, Frame.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The body returned {@code out}: the future whose outcome becomes the task's. */
    @SuppressWarnings("unchecked")
    private void finish(Object out) {
        Future<T> result;
        if (out instanceof Future<?> f) {
            result = (Future<T>) f;
        } else if (out instanceof CompletionStage<?> stage) {
            result = Future.from((CompletionStage<T>) stage);
        } else {
            tasks().remove(this);
            failWith(new NullPointerException("@Async method " + Frames.describe(getClass())
                    + " returned null instead of a future"));
            return;
        }
        if (result.isDone()) { // the usual case: return Future.completed(v)
            tasks().remove(this);
            completeFrom(result);
            return;
        }
        // `return other();` with other still running: wait for it as for an await, through the loop. A
        // direct whenDone(completeFrom) would complete a chain of such tasks recursively, one stack frame
        // per task, and overflow on a long chain.
        returned = true;
        awaiting = result;
        result.whenDone(this);
    }

    /** "suspended at Orders.java:42 in Orders.placeOrder" style description, from {@link FrameInfo}. */
    @Override
    public String toString() {
        String where = Frames.describe(getClass());
        if (isDone()) {
            return "Task[" + where + ", " + super.toString() + "]";
        }
        return "Task[" + where + ", suspended at " + Frames.line(getClass(), resumePoint()) + "]";
    }
}
