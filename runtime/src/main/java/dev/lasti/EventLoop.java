package dev.lasti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A single-threaded event loop on a {@link Selector}, in the manner of Tornado's {@code IOLoop}: one
 * thread runs callbacks, timers, I/O handlers and the tasks of {@link Async} methods.
 *
 * <p>Each iteration (see {@link #runOnce}) runs the callbacks that were queued before it began, then the
 * timers that are due, then waits for I/O no longer than until the next timer. Callbacks queued meanwhile
 * wait for the next iteration, so a task that keeps rescheduling itself cannot starve the others.
 *
 * <pre>{@code
 * String s = EventLoop.run(() -> new Greeter().greet("world"));   // like asyncio.run
 * }</pre>
 */
public final class EventLoop implements Executor {
    private static final System.Logger LOG = System.getLogger("dev.lasti");
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();
    /**
     * Replaced by {@link #rebuildSelector} when a select fails; volatile because other threads wake it up.
     */
    private volatile Selector selector;
    /**
     * Whether the selector may hold keys: set by {@link #register} and by a rebuild, and recomputed after
     * each zero-timeout select. Without it an iteration with work queued skips {@code selectNow}. Asking
     * the selector itself every iteration ({@code keys().isEmpty()} sums a {@code ConcurrentHashMap}'s
     * counters) took a quarter of a yield round trip. Loop thread only.
     */
    private boolean mayHaveKeys;
    /** Test seam: a failure that the next select throws, as if the selector had failed. */
    private final AtomicReference<IOException> injectedSelectFailure = new AtomicReference<>();
    /** Selects in a row that failed; the loop pauses after the second so a broken selector cannot spin. */
    private int failedSelects;
    private final TimeSource time;
    private final TimerQueue timers = new TimerQueue();
    /** Callbacks for the next iterations; loop thread only. */
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    /** Callbacks handed over by other threads; drained into {@link #ready} at each iteration. */
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /** True while the loop may be blocked in select: only then does a submitter need to wake it. */
    private final AtomicBoolean mayBlock = new AtomicBoolean();
    /** Selector wake-ups that {@link #execute} paid for; tests check it stays low under load. */
    private final AtomicLong wakeups = new AtomicLong();
    /** Loop thread: true from a blocking select until its first ready key or its return. */
    private boolean waiting;
    private final BlockingPool blockingPool;
    private final BlockedLoopDetector detector;
    private final TaskHook taskHook;
    private final Duration shutdownTimeout;
    /** Futures of {@link #submit} still pending: cancelled at shutdown, so none is left pending. */
    private final SubmittedTasks submitted = new SubmittedTasks();
    /** Shutting down: the loop runs on for the cancelled tasks, and a stop request no longer ends a wait. */
    private boolean draining;
    /** The current blocking select was told to follow real time (see TimeSource#beforeBlockWhileBusy). */
    private boolean followingRealTime;
    /** Failures completed on this loop's thread, kept for {@link #unretrievedFailures}; null unless asked for. */
    private final List<Failure> trackedFailures;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile boolean closed;

    private EventLoop(Builder b) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.time = b.time;
        this.blockingPool = new BlockingPool(b.blockingThreads, this);
        this.detector = new BlockedLoopDetector(b.blockedThreshold);
        this.trackedFailures = b.trackFailures ? new ArrayList<>() : null;
        this.taskHook = b.taskHook;
        this.shutdownTimeout = b.shutdownTimeout;
    }

    /** A loop with the defaults: system clock, 8 blocking threads, 100 ms blocked-loop warnings. */
    public static EventLoop create() {
        return builder().build();
    }

    /** Options for a new loop. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a loop on the calling thread, runs the async entry point until its future is done, shuts the
     * loop down and returns the value, or throws the failure unwrapped (like {@code asyncio.run}). Tasks
     * still suspended at the end are cancelled, and the loop runs on, timers and I/O included, until their
     * {@code finally} blocks have run, for at most {@link Builder#shutdownTimeout} (5 s by default); the
     * ones that did not finish by then are logged and dropped.
     */
    public static <T> T run(Supplier<? extends Future<T>> main) {
        checkNotNested(); // before create(), which opens a selector that a failed bind() would leak
        return create().runUntilComplete(main);
    }

    /**
     * {@link #run(Supplier)}, declaring the checked exception the caller expects (a type witness only, as in
     * {@link Await#await(Future, Class)}: a failure of another class is thrown as it is).
     *
     * @throws X the failure of the main future, when it is an {@code X}
     */
    public static <T, X extends Throwable> T run(Supplier<? extends Future<T>> main, Class<X> expected) throws X {
        return run(main);
    }

    /**
     * Runs this loop on the calling thread until the future that {@code main} returns is done, then shuts
     * it down. {@code main} itself runs on the loop thread, so an {@link Async} entry starts eagerly there.
     *
     * @throws IllegalStateException if the thread already runs a loop, or this loop was used before
     */
    public <T> T runUntilComplete(Supplier<? extends Future<T>> main) {
        bind();
        try {
            Future<T> result = Objects.requireNonNull(main.get(), "main returned null instead of a future");
            result.whenDone(f -> stop()); // so the iteration that completes it does not block in select
            while (!result.isDone() && !stopRequested) {
                runOnce();
            }
            if (!result.isDone()) {
                throw new IllegalStateException("the loop was stopped before the main future completed");
            }
            return result.join(); // the value, or the failure unwrapped
        } finally {
            shutdown();
        }
    }

    /** Runs this loop on the calling thread until {@link #stop()}, then shuts it down. */
    public void runForever() {
        bind();
        try {
            while (!stopRequested) {
                runOnce();
            }
        } finally {
            shutdown();
        }
    }

    /** Asks the loop to finish its current iteration and shut down. Safe from any thread. */
    public void stop() {
        stopRequested = true;
        selector.wakeup();
    }

    /**
     * The loop running on the calling thread.
     *
     * @throws IllegalStateException on a thread that runs no loop
     */
    public static EventLoop current() {
        EventLoop loop = CURRENT.get();
        if (loop == null) {
            throw new IllegalStateException("no lasti event loop runs on thread "
                    + Thread.currentThread().getName()
                    + "; start one with EventLoop.run(() -> yourAsyncMethod())");
        }
        return loop;
    }

    /** Returns {@code true} if the calling thread runs an event loop. */
    public static boolean inLoopThread() {
        return CURRENT.get() != null;
    }

    /** Returns {@code true} if the calling thread runs this loop. */
    public boolean isCurrent() {
        return thread == Thread.currentThread() && !closed; // a field read, not a ThreadLocal lookup
    }

    /** A future that completes after {@code delay} on the current loop (Tornado's {@code gen.sleep}). */
    public static Future<Void> sleep(Duration delay) {
        EventLoop loop = current();
        Sleep sleep = new Sleep();
        sleep.timer = loop.callLater(delay, sleep);
        return sleep;
    }

    /**
     * The future of {@link #sleep}, which is also its timer's callback: one object besides the timer,
     * because a million sleeping tasks is a workload we aim for. Cancelling it releases the timer.
     */
    static final class Sleep extends Promise<Void> implements Runnable {
        private TimerHandle timer;

        /** When the sleep ends, on its loop's clock (for the task tree's "time left"). */
        long deadline() {
            return timer.deadline;
        }

        @Override
        public void run() {
            complete(null);
        }

        @Override
        public boolean cancel() {
            if (!super.cancel()) {
                return false;
            }
            timer.cancel(); // from any thread: TimerHandle.cancel is thread-safe
            return true;
        }
    }

    /**
     * Runs blocking work on the current loop's bounded worker pool; the result comes back as a future that
     * awaiting tasks see on their loop thread. Cancelling the future interrupts the worker.
     */
    public static <T> Future<T> blocking(Callable<T> work) {
        return current().blockingPool.submit(work);
    }

    /**
     * A future that completes on the next loop iteration: await it to let other tasks run (asyncio's {@code
     * sleep(0)}). The awaiting task resumes in that iteration at the place in the queue where it yielded:
     * after the callbacks queued before the yield, before those queued after it.
     */
    public static Future<Void> yieldNow() {
        EventLoop loop = current();
        NextIteration next = new NextIteration(loop);
        loop.execute(next);
        return next;
    }

    /**
     * Queues {@code callback} to run on the loop thread in a later iteration. Safe from any thread; wakes
     * the selector only when the loop may be blocked in it.
     *
     * @throws RejectedExecutionException if the loop has shut down
     */
    @Override
    public void execute(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        if (closed) {
            throw new RejectedExecutionException("the event loop has shut down");
        }
        if (Thread.currentThread() == thread) {
            ready.add(callback);
            return;
        }
        inbox.add(callback);
        if (closed && inbox.remove(callback)) {
            // raced with shutdown, which may already have drained the inbox for the last time: refuse
            // rather than accept a callback that never runs (Netty's SingleThreadEventExecutor does this)
            throw new RejectedExecutionException("the event loop has shut down");
        }
        // The loop sets mayBlock before it re-checks the inbox and blocks, so either it sees our callback
        // or we see mayBlock: no lost wake-up, and no wake-up syscall while the loop is busy.
        if (mayBlock.get() && mayBlock.compareAndSet(true, false)) {
            wakeups.incrementAndGet();
            selector.wakeup();
        }
    }

    /**
     * Runs {@code callback} on the loop thread: right away if the caller is that thread, otherwise queued
     * as {@link #execute} does. For work that must happen on the loop whichever thread asks for it (closing
     * a server's connections, for one).
     *
     * @return {@code false}, and the callback never runs, if the loop has shut down (it has closed its
     *     channels and dropped its tasks by then, so there is nothing left for such work to do)
     */
    public boolean runOnLoop(Runnable callback) {
        if (isCurrent()) {
            callback.run();
            return true;
        }
        try {
            execute(callback);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Starts {@code task} on this loop, from any thread, and returns its outcome: {@code task.get()} runs on
     * the loop thread in a later iteration, so an {@link Async} method starts there, and the returned
     * future completes when the future it returned does. A task on another loop that awaits the result
     * resumes on its own loop. Cancelling the result cancels the task; the result completes, as cancelled,
     * once the task has unwound. A task that throws instead of returning a future fails the result.
     *
     * @throws RejectedExecutionException if the loop has shut down
     */
    public <T> Future<T> submit(Supplier<? extends Future<T>> task) {
        Submitted<T> started = new Submitted<>(task, submitted);
        execute(started);
        return started;
    }

    /**
     * Runs {@code callback} on the loop after {@code delay}. Safe from any thread.
     *
     * @return a handle that cancels the timer
     * @throws RejectedExecutionException if the loop has shut down
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        long deadline = time.nanoTime() + Math.max(0, delay.toNanos());
        if (Thread.currentThread() == thread && !closed) {
            return timers.add(deadline, callback);
        }
        TimerHandle handle = timers.create(deadline, callback);
        execute(() -> timers.push(handle));
        return handle;
    }

    /** The loop's clock, in nanoseconds. */
    public long nanoTime() {
        return time.nanoTime();
    }

    /**
     * Registers {@code channel} with this loop's selector; {@code handler} runs on the loop thread when the
     * channel is ready for {@code ops}. Loop thread only.
     */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) {
        checkThread();
        mayHaveKeys = true;
        try {
            channel.configureBlocking(false);
            return channel.register(selector, ops, handler);
        } catch (ClosedChannelException e) {
            throw new IllegalStateException("cannot register a closed channel", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Callback for {@link #register}: runs on the loop thread when the key's channel is ready. */
    @FunctionalInterface
    public interface IoHandler {
        /** Handles readiness; {@code key.readyOps()} says for what. */
        void ready(SelectionKey key);

        /**
         * Called on the loop thread when the loop replaced its selector after a failure: {@code key} is the
         * channel's new key, with the old one's interest and this handler. A handler that keeps its key in a
         * field must take the new one here; the old key is cancelled. Does nothing by default.
         */
        default void rekeyed(SelectionKey key) {}

        /**
         * Called on the loop thread when the loop shuts down, after its tasks have unwound and before it
         * closes every registered channel: fail what still waits on this channel (a stream fails its
         * pending read), so that no future is left pending. The loop runs the callbacks this queues once
         * more, then closes. Does nothing by default.
         */
        default void loopClosing(SelectionKey key) {}
    }

    /**
     * The number of async tasks suspended on this loop right now: each one counts from its first suspension
     * until it completes. Test support reads it when a test's main future completes, to find tasks left
     * behind. Loop thread only.
     */
    public int suspendedTaskCount() {
        checkThread();
        return TaskLists.suspendedCount(this);
    }

    /**
     * The live tasks of this loop as data: for each, its async method, the file and line of the await it
     * is suspended at, what it waits for, and which task awaits it; {@link TaskSnapshot#format()} prints
     * them as a tree. Safe from any thread: the list is read on the loop thread, and a loop that does not
     * answer within {@code timeout} (blocked, or not running) gives a snapshot that says so. Costs nothing
     * until called: the frames already hold everything it reads.
     */
    public TaskSnapshot taskSnapshot(Duration timeout) {
        return TaskTree.snapshot(this, thread, timeout);
    }

    /**
     * The failures of futures completed on this loop's thread that nobody has retrieved yet (by awaiting,
     * {@code join}, {@code cause} or {@code resultNow}), oldest first; cancellations never count. Needs
     * {@link Builder#trackFailures}; without it the list is empty. Test support checks it at the end of a
     * test, where waiting for the garbage collector's report would be too late and unreliable.
     */
    public List<Throwable> unretrievedFailures() {
        checkThread();
        if (trackedFailures == null) {
            return List.of();
        }
        trackedFailures.removeIf(Failure::isRetrieved);
        return trackedFailures.stream().map(f -> f.error).toList();
    }

    /** Called by {@link Failure#watch} on the thread that completed a future with an unretrieved failure. */
    static void track(Failure failure) {
        EventLoop loop = CURRENT.get();
        if (loop != null && loop.trackedFailures != null) {
            loop.trackedFailures.add(failure);
        }
    }

    /** Logs an exception that escaped a callback; the loop goes on. */
    static void logCallbackFailure(Throwable t) {
        try {
            LOG.log(System.Logger.Level.ERROR, "lasti: exception in a callback", t);
        } catch (Throwable logFailure) {
            // Logging can fail too (out of file descriptors, say); that must not end the loop.
        }
    }

    /**
     * One iteration: run the callbacks queued before it began, then the timers that are due, then wait for
     * I/O until the next timer, dispatching ready channels.
     */
    private void runOnce() {
        runCallbacksAndTimers();
        select(waitNanos());
    }

    /** The first half of an iteration: the callbacks queued before it began, then the due timers. */
    private void runCallbacksAndTimers() {
        detector.busy();
        for (Runnable r; (r = inbox.poll()) != null; ) {
            ready.add(r);
        }
        int snapshot = ready.size();
        // A clock read costs 20-30 ns on a virtualised clock source; skip it when no timer is armed.
        boolean timed = !timers.isEmpty();
        List<TimerHandle> due = timed ? timers.popDue(time.nanoTime()) : List.of();
        for (int i = 0; i < snapshot; i++) {
            runSafely(ready.poll());
        }
        if (timed) { // an untimed iteration, the usual one under load, does not even look at the list
            fire(due);
        }
    }

    /** Runs the due timers' callbacks, oldest deadline first, unless a callback cancelled them meanwhile. */
    private void fire(List<TimerHandle> due) {
        for (int i = 0, n = due.size(); i < n; i++) { // no iterator: code C2 has not compiled yet allocates one
            TimerHandle t = due.get(i);
            if (t.claimFire()) { // a callback above may have cancelled it
                runSafely(t.callback);
            }
        }
    }

    /** How long select may block: not at all with work queued, else until the next timer. */
    private long waitNanos() {
        if (!ready.isEmpty() || !inbox.isEmpty() || (stopRequested && !draining)) {
            return 0;
        }
        long untilTimer = timers.nanosUntilNext(time.nanoTime());
        if (untilTimer == 0) {
            return 0;
        }
        if (blockingPool.jobsInFlight() > 0) { // a virtual clock must not jump past work it waits for
            followingRealTime = true;
            return time.beforeBlockWhileBusy(untilTimer);
        }
        return time.beforeBlock(untilTimer);
    }

    private void select(long timeoutNanos) {
        try {
            if (timeoutNanos == 0) {
                if (mayHaveKeys) { // no channel, no I/O: skip the syscall (~0.3 us a poll)
                    checkInjectedFailure();
                    selector.selectNow(this::dispatch);
                    mayHaveKeys = !selector.keys().isEmpty(); // a select drops the keys cancelled before it
                }
                return;
            }
            mayBlock.set(true);
            checkInjectedFailure();
            if (!inbox.isEmpty()) { // raced with a submitter that saw mayBlock == false
                selector.selectNow(this::dispatch);
            } else {
                detector.idle();
                waiting = true;
                long began = followingRealTime ? System.nanoTime() : 0;
                if (timeoutNanos < 0) {
                    selector.select(this::dispatch);
                } else {
                    selector.select(this::dispatch, Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
                }
                waiting = false;
                if (followingRealTime) {
                    followingRealTime = false;
                    time.afterBlock(System.nanoTime() - began);
                }
            }
            mayBlock.set(false);
            failedSelects = 0;
        } catch (IOException e) {
            waiting = false;
            mayBlock.set(false);
            rebuildSelector(e);
        }
    }

    /**
     * Recovers from a failed select (one {@code IOException} used to end the loop and every task on it):
     * moves every registration to a new selector (see {@link SelectorRebuild} for the races) and tells
     * the handlers their new keys. If the selector keeps failing, the loop pauses a little longer each
     * time (10 ms doubling up to 1 s) rather than spin.
     */
    private void rebuildSelector(IOException cause) {
        failedSelects++;
        LOG.log(System.Logger.Level.WARNING, "lasti: select failed; moving every channel to a new selector",
                cause);
        List<SelectionKey> moved = new ArrayList<>();
        try {
            selector = SelectorRebuild.rebuild(selector, moved);
            mayHaveKeys = true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "lasti: cannot open a new selector; keeping the old one", e);
        }
        for (SelectionKey key : moved) {
            if (key.isValid() && key.attachment() instanceof IoHandler h) {
                runSafely(() -> h.rekeyed(key));
            }
        }
        if (failedSelects > 1) {
            pauseAfterFailures();
        }
    }

    private void pauseAfterFailures() {
        long millis = Math.min(1_000, 10L << Math.min(7, failedSelects - 2));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws the failure a test injected through {@link #injectSelectFailure}, once. */
    private void checkInjectedFailure() throws IOException {
        if (injectedSelectFailure.get() != null) { // a plain load per select; the swap only when armed
            IOException injected = injectedSelectFailure.getAndSet(null);
            if (injected != null) {
                throw injected;
            }
        }
    }

    private void dispatch(SelectionKey key) {
        if (waiting) { // the first handler after a blocking select: the loop is busy again from here
            waiting = false;
            detector.busy();
        }
        if (key.isValid()) {
            try {
                ((IoHandler) key.attachment()).ready(key);
            } catch (Throwable t) {
                logCallbackFailure(t);
            }
        }
    }

    private static void runSafely(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            logCallbackFailure(t);
        }
    }

    private static void checkNotNested() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " already runs an event loop; loops do not nest (await the work instead)");
        }
    }

    private void bind() {
        checkNotNested();
        if (thread != null || closed) {
            throw new IllegalStateException("an event loop runs once; create a new one");
        }
        thread = Thread.currentThread();
        CURRENT.set(this);
        detector.start();
        detector.bound();
        TaskLists.open(this, taskHook);
        LoopRegistry.register(this, thread);
    }

    private void checkThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("call this on the loop thread (" + thread + "), not on "
                    + Thread.currentThread().getName());
        }
    }

    /**
     * Cancels the tasks still suspended (asyncio.run does the same), runs the loop while they unwind, for at
     * most {@link Builder#shutdownTimeout} on both the loop's clock and the real one, then drops pending
     * timers, stops the worker threads and closes the selector.
     */
    private void shutdown() {
        try {
            shutdownTasks();
        } finally {
            closed = true;
            detector.stop();
            LoopRegistry.unregister(this);
            blockingPool.shutdown();
            timers.clear();
            runLeftovers();
            CURRENT.remove();
            try {
                closeRegisteredChannels();
                selector.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "lasti: closing the selector failed", e);
            }
        }
    }

    /**
     * Once {@link #closed} is set, {@link #execute} refuses, so these are the last callbacks the loop
     * accepted: a thread that handed one over between the drain's last pass and {@code closed} was told it
     * would run, and dropping it could lose a wake-up (a registration on a loop-confined future, see
     * {@code Future}'s "Confinement") or leave a submit's caller waiting forever. Each runs once, now: a
     * submit that never started fails, everything else runs (on the atomic paths, the loop being closed),
     * and whatever they queue is refused.
     */
    private void runLeftovers() {
        for (Runnable r; (r = inbox.poll()) != null; ) {
            ready.add(r);
        }
        for (Runnable r; (r = ready.poll()) != null; ) {
            if (r instanceof Submitted<?> s) {
                s.drop();
            } else {
                runSafely(r);
            }
        }
    }

    private void shutdownTasks() {
        draining = true;
        long timeout = shutdownTimeout.toNanos();
        long loopDeadline = time.nanoTime() + timeout;
        long realDeadline = System.nanoTime() + timeout;
        BooleanSupplier iterate = () -> {
            long left = Math.min(loopDeadline - time.nanoTime(), realDeadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            runCallbacksAndTimers();
            if (TaskLists.suspendedCount(this) == 0) {
                return true; // the last task has just unwound: do not wait for a timer nobody needs
            }
            long wait = waitNanos(); // -1: until woken, which the shutdown time caps too
            select(wait < 0 ? left : Math.min(wait, left));
            return true;
        };
        submitted.cancelAll(); // the tasks among them unwind in the drain below, with every other task
        TaskLists.shutdown(this, iterate);
        submitted.dropAll();
        notifyChannelsClosing();
    }

    /** Lets each channel's handler fail what waits on it, then runs the callbacks that queued. */
    private void notifyChannelsClosing() {
        for (SelectionKey key : List.copyOf(selector.keys())) {
            if (key.isValid()) {
                try {
                    ((IoHandler) key.attachment()).loopClosing(key);
                } catch (Throwable t) {
                    logCallbackFailure(t);
                }
            }
        }
        runCallbacksAndTimers();
    }

    /** Test seam: the next select on this loop throws {@code failure}, as a failing selector would. */
    void injectSelectFailure(IOException failure) {
        injectedSelectFailure.set(failure);
        selector.wakeup();
    }

    /** Test seam: whether an injected failure has not been thrown yet. */
    boolean injectedFailurePending() {
        return injectedSelectFailure.get() != null;
    }

    /** Selector wake-ups paid by {@link #execute} so far. */
    long wakeupCount() {
        return wakeups.get();
    }

    /** The timer heap, for tests of its compaction. */
    TimerQueue timerQueue() {
        return timers;
    }

    /** Channels still registered belong to servers and streams nobody closed: close them, or they leak. */
    private void closeRegisteredChannels() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "lasti: closing a channel at shutdown failed", e);
            }
        }
    }

    /** Options for {@link EventLoop#builder()}. */
    public static final class Builder {
        private TimeSource time = TimeSource.system();
        private int blockingThreads = 8;
        private Duration blockedThreshold = Duration.ofMillis(100);
        private boolean trackFailures;
        private TaskHook taskHook;
        private Duration shutdownTimeout = Duration.ofSeconds(5);

        private Builder() {}

        /**
         * Runs {@code hook} around every step of every task on the loop, to carry {@link TaskLocal} values
         * into {@code ThreadLocal}-based libraries (see {@link TaskHook}). None by default.
         */
        public Builder taskHook(TaskHook hook) {
            this.taskHook = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /**
         * How long the loop, once its main future is done or it was stopped, keeps running for the tasks it
         * cancelled to unwind, {@code finally} blocks that await included: the bound applies to the loop's
         * clock and to real time alike. Tasks still running after it are logged and dropped. Default 5 s.
         */
        public Builder shutdownTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must not be negative");
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /** The loop's clock; tests pass a {@link VirtualTime}. */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Upper bound on the worker threads of {@link EventLoop#blocking}. Default 8. */
        public Builder blockingThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("blockingThreads must be at least 1, was " + threads);
            }
            this.blockingThreads = threads;
            return this;
        }

        /**
         * Reports the loop thread's stack when one iteration stays busy longer than {@code threshold}.
         * Default 100 ms; {@link Duration#ZERO} turns the report off.
         */
        public Builder blockedThreshold(Duration threshold) {
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("blockedThreshold must not be negative");
            }
            this.blockedThreshold = threshold;
            return this;
        }

        /**
         * Keeps the failures completed on the loop thread until they are retrieved, so that {@link
         * EventLoop#unretrievedFailures} can list them. Off by default: a test option, not for production.
         */
        public Builder trackFailures(boolean track) {
            this.trackFailures = track;
            return this;
        }

        /** Creates the loop. It runs when {@link EventLoop#runUntilComplete} or runForever is called. */
        public EventLoop build() {
            return new EventLoop(this);
        }
    }
}
