package dev.lasti;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * N event loops, each on its own thread: how one process uses every core (Netty's {@code EventLoopGroup},
 * Vert.x's event-loop pool). Each loop is an ordinary {@link EventLoop}, with the same API as one run by
 * {@link EventLoop#run}; a task stays on the loop it started on, and resumes there whichever loop or thread
 * completes what it awaits. Serve on every loop with {@code TcpServer.listen(group, ...)} (and lasti-http's
 * {@code HttpServer.bind(group, ...)}): each connection and its tasks stay on one loop.
 *
 * <pre>{@code
 * try (EventLoopGroup group = EventLoopGroup.start()) {          // one loop per available processor
 *     TcpServer server = TcpServer.listen(group, address, TcpServerOptions.defaults(), Echo::serve);
 *     ...
 * }                                                                // close(): every loop shuts down
 * }</pre>
 *
 * <p>Loop-confined objects (streams, servers' per-loop state, the {@code dev.lasti.sync} primitives) belong
 * to the loop that made them; share results between loops through futures, which are safe from any thread.
 * The threads are not daemons, like Netty's: a started group keeps the JVM alive until it is closed.
 */
public final class EventLoopGroup implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.lasti");
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final List<EventLoop> loops;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final Promise<Void> terminated = Promise.described("termination of an event-loop group");
    private final AtomicInteger running;

    private EventLoopGroup(List<EventLoop> loops) {
        this.loops = List.copyOf(loops);
        this.running = new AtomicInteger(loops.size());
    }

    /** Starts one loop per available processor, each with the defaults of {@link EventLoop#create}. */
    public static EventLoopGroup start() {
        return start(Runtime.getRuntime().availableProcessors());
    }

    /** Starts {@code loops} loops with the defaults of {@link EventLoop#create}. */
    public static EventLoopGroup start(int loops) {
        return start(loops, i -> EventLoop.create());
    }

    /**
     * Starts {@code loops} loops made by {@code factory} (called with 0 to {@code loops - 1}), for example
     * {@code i -> EventLoop.builder().shutdownTimeout(Duration.ofSeconds(1)).build()}. Returns once every
     * loop runs on its thread, {@code lasti-G-loop-I}.
     *
     * @throws IllegalArgumentException if {@code loops} is less than 1
     * @throws IllegalStateException if the factory returned a loop that ran before; the loops already
     *     started are shut down
     */
    public static EventLoopGroup start(int loops, IntFunction<EventLoop> factory) {
        if (loops < 1) {
            throw new IllegalArgumentException("an event-loop group needs at least 1 loop, not " + loops);
        }
        List<EventLoop> made = new ArrayList<>(loops);
        for (int i = 0; i < loops; i++) {
            made.add(Objects.requireNonNull(factory.apply(i), "the loop factory returned null"));
        }
        EventLoopGroup group = new EventLoopGroup(made);
        group.startThreads(GROUPS.incrementAndGet());
        return group;
    }

    /**
     * Starts a group of {@code loops} loops, runs {@code main} on its first loop, blocks until the future it
     * returns is done, closes the group and returns the value or throws the failure unwrapped: {@link
     * EventLoop#run} for a group.
     *
     * @throws IllegalStateException if called on a loop thread, which must not block
     */
    public static <T> T run(int loops, Function<? super EventLoopGroup, ? extends Future<T>> main) {
        if (EventLoop.inLoopThread()) {
            throw new IllegalStateException("EventLoopGroup.run blocks until main is done; thread "
                    + Thread.currentThread().getName() + " runs an event loop (submit to the group instead)");
        }
        try (EventLoopGroup group = start(loops)) {
            return group.loops.get(0).<T>submit(() -> main.apply(group)).join();
        }
    }

    /** The loops, in start order. */
    public List<EventLoop> loops() {
        return loops;
    }

    /** The number of loops. */
    public int size() {
        return loops.size();
    }

    /** The loops in turn, round-robin: where to put the next connection or task. Any thread. */
    public EventLoop next() {
        return loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
    }

    /** Starts {@code task} on the {@link #next} loop; see {@link EventLoop#submit}. Any thread. */
    public <T> Future<T> submit(Supplier<? extends Future<T>> task) {
        return next().submit(task);
    }

    /**
     * Asks every loop to shut down, and returns at once: each cancels its tasks and runs on while they
     * unwind, for at most its {@link EventLoop.Builder#shutdownTimeout}, all loops at the same time.
     * Idempotent. {@link #terminated} completes when the last loop has stopped.
     */
    public void shutdown() {
        loops.forEach(EventLoop::stop);
    }

    /** Completes when every loop's thread has shut its loop down. Await it from anywhere. */
    public Future<Void> terminated() {
        return terminated;
    }

    /**
     * Waits up to {@code timeout} for every loop to stop (after {@link #shutdown}).
     *
     * @return {@code true} if they all stopped in time
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        terminated.whenDone(f -> done.countDown());
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@link #shutdown}, then waits for every loop to stop. Call it off the group's own loops. */
    @Override
    public void close() {
        shutdown();
        if (loops.stream().noneMatch(EventLoop::isCurrent)) {
            terminated.join();
        }
    }

    private void startThreads(int groupNumber) {
        CountDownLatch bound = new CountDownLatch(loops.size());
        AtomicReference<Throwable> startFailure = new AtomicReference<>();
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(i);
            AtomicBoolean ran = new AtomicBoolean();
            try {
                loop.execute(() -> { // the loop's first callback: it runs once the loop is bound to its thread
                    ran.set(true);
                    bound.countDown();
                });
            } catch (RejectedExecutionException e) {
                startFailure.compareAndSet(null, new IllegalStateException("loop " + i + " has run before", e));
                bound.countDown();
                loopEnded(); // it gets no thread
                continue;
            }
            new Thread(() -> runLoop(loop, ran, bound, startFailure), "lasti-" + groupNumber + "-loop-" + i).start();
        }
        Future.awaitUninterruptibly(bound);
        Throwable failure = startFailure.get();
        if (failure != null) {
            shutdown();
            throw new IllegalStateException("an event-loop group could not start all its loops", failure);
        }
    }

    private void runLoop(EventLoop loop, AtomicBoolean ran, CountDownLatch bound, AtomicReference<Throwable> startFailure) {
        try {
            loop.runForever();
        } catch (Throwable t) {
            if (!ran.get()) { // the loop never bound to this thread: start() reports it
                startFailure.compareAndSet(null, t);
                bound.countDown();
            } else {
                LOG.log(System.Logger.Level.ERROR, "lasti: event loop " + Thread.currentThread().getName()
                        + " ended with a failure", t);
            }
        } finally {
            loopEnded();
        }
    }

    private void loopEnded() {
        if (running.decrementAndGet() == 0) {
            terminated.complete(null);
        }
    }
}
