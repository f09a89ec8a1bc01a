package dev.lasti;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tasks with a scope (asyncio's {@code TaskGroup}, Kotlin's {@code coroutineScope}): the tasks started in a
 * group are its children, and the group's future completes only when its body and every child are done.
 *
 * <pre>{@code
 * @Async
 * Future<Report> report(String user) {
 *     return TaskGroup.run(group -> gather(group, user));
 * }
 *
 * @Async
 * Future<Report> gather(TaskGroup group, String user) {
 *     Future<Profile> profile = group.start(() -> profiles.fetch(user));
 *     Future<List<Order>> orders = group.start(() -> orders.fetch(user));
 *     return Future.completed(new Report(await(profile), await(orders)));
 * }
 * }</pre>
 *
 * <p>The rules:
 * <ul>
 *   <li>The first failure, of the body or of a child, cancels the body and every other child; the group
 *       fails with that failure once all of them have finished unwinding, their {@code finally} blocks
 *       (including ones that await) included. Later failures are attached to it as suppressed exceptions;
 *       cancellations are not failures and are not attached.</li>
 *   <li>Cancelling the group's future (for example by cancelling the task that awaits it) cancels the body
 *       and the children and completes the future, as cancelled, only after they have unwound.</li>
 *   <li>With a timeout, the group is cancelled the same way when the time is up, and fails with a {@link
 *       TimeoutException} after the unwinding.</li>
 *   <li>Otherwise the group completes with the body's value once the last child is done. No child
 *       outlives its group: {@link #start} refuses once the group is finishing.</li>
 * </ul>
 *
 * <p>A child starts with a copy of the starting task's {@link TaskLocal task-local} values; what it sets
 * stays its own. A group belongs to one loop: start and cancel it on that loop's thread.
 */
public final class TaskGroup {
    private final EventLoop loop;
    private final GroupFuture<?> result;
    /** The body's future and every child's, while pending. */
    private final Set<Future<?>> running = new LinkedHashSet<>();
    /** The failure that ended the group early, or its cancellation or timeout; {@code null} while fine. */
    private Throwable abortedBy;
    /** Failures of children that finished after the abort: kept, never lost. */
    private final List<Throwable> later = new ArrayList<>();
    /** The body's future, once the body has returned it. */
    private Future<?> body;
    private TimerHandle deadline;

    private TaskGroup(EventLoop loop) {
        this.loop = loop;
        this.result = new GroupFuture<>(this);
    }

    /**
     * Runs {@code body} with a new group and returns the group's future: the body's value once the body and
     * every child it started are done. Call it on a loop thread, usually from an {@link Async} method that
     * awaits the result; the body runs at once, on this thread.
     *
     * @param body usually a call of an {@code @Async} method that takes the group and starts children in it
     */
    public static <T> Future<T> run(Function<? super TaskGroup, ? extends Future<T>> body) {
        TaskGroup group = new TaskGroup(EventLoop.current());
        return group.begin(body);
    }

    /**
     * {@link #run(Function)} with a deadline: when the group is not done after {@code timeout}, it is
     * cancelled, and once the body and the children have unwound it fails with a {@link TimeoutException}.
     */
    public static <T> Future<T> run(Duration timeout, Function<? super TaskGroup, ? extends Future<T>> body) {
        Objects.requireNonNull(timeout, "timeout");
        TaskGroup group = new TaskGroup(EventLoop.current());
        group.deadline = group.loop.callLater(timeout, () -> group.abort(
                new TimeoutException("task group timed out after " + timeout.toMillis() + " ms")));
        return group.begin(body);
    }

    /**
     * Starts a child: calls {@code child} at once (an {@code @Async} method runs to its first await) with a
     * copy of the current task-local values, and returns its future. The group waits for it; its failure
     * fails the group. Awaiting the returned future is allowed but not needed.
     *
     * @throws IllegalStateException if the group has finished or is finishing (after a failure, a
     *     cancellation or a timeout), or when called off the group's loop thread
     */
    public <T> Future<T> start(Supplier<? extends Future<T>> child) {
        Objects.requireNonNull(child, "child");
        checkLoop();
        if (abortedBy != null || result.isDone()) {
            throw new IllegalStateException("this task group is " + (result.isDone() ? "done" : "finishing")
                    + "; a child cannot start in it any more");
        }
        Future<T> f = TaskLocal.isolated(child);
        watch(f);
        return f;
    }

    /**
     * Cancels the group from inside: the body and the children are cancelled, and the group's future
     * completes as cancelled once they have unwound. Does nothing if the group is already finishing.
     */
    public void cancel() {
        checkLoop();
        abort(new CancellationException("task group cancelled"));
    }

    @SuppressWarnings("unchecked")
    private <T> Future<T> begin(Function<? super TaskGroup, ? extends Future<T>> bodyCall) {
        Future<T> f;
        try {
            f = Objects.requireNonNull(bodyCall.apply(this), "the task group's body returned null");
        } catch (Throwable t) {
            f = Future.failed(t);
        }
        body = f;
        watch(f);
        if (abortedBy != null) { // a child failed while the body was still starting children
            f.cancel();
        }
        return (Future<T>) result;
    }

    private void watch(Future<?> f) {
        running.add(f);
        f.whenDone(this::finished);
    }

    /** The body or a child is done. */
    private void finished(Future<?> f) {
        if (!loop.isCurrent()) { // completed on another thread (a blocking job's promise, say): hop over
            loop.execute(() -> finished(f));
            return;
        }
        running.remove(f);
        if (f.isFailed() && !f.isCancelled()) {
            Throwable error = f.cause();
            if (abortedBy == null) {
                abort(error);
            } else if (error != abortedBy) {
                later.add(error);
            }
        }
        if (running.isEmpty() && body != null) {
            complete();
        }
    }

    /** The first failure, a cancellation or the timeout: cancel everything still running. */
    private void abort(Throwable why) {
        if (abortedBy != null || result.isDone()) {
            return;
        }
        abortedBy = why;
        for (Future<?> f : List.copyOf(running)) {
            f.cancel();
        }
        if (running.isEmpty() && body != null) {
            complete();
        }
    }

    /** Everything has finished: the body's outcome, or the abort's reason with the later failures. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void complete() {
        if (result.isDone()) {
            return;
        }
        if (deadline != null) {
            deadline.cancel();
        }
        if (abortedBy == null) {
            ((GroupFuture) result).completeWith(body);
            return;
        }
        later.forEach(abortedBy::addSuppressed);
        result.fail(abortedBy);
    }

    private void checkLoop() {
        if (!loop.isCurrent()) {
            throw new IllegalStateException("a task group belongs to its loop's thread (" + loop
                    + "), not to " + Thread.currentThread().getName());
        }
    }

    /** The group's future: cancelling it cancels the group, which completes once everything unwound. */
    private static final class GroupFuture<T> extends Promise<T> {
        private final TaskGroup group;

        GroupFuture(TaskGroup group) {
            this.group = group;
        }

        @Override
        public boolean cancel() {
            if (isDone()) {
                return false;
            }
            if (group.loop.isCurrent()) {
                group.abort(new CancellationException("task group cancelled"));
            } else {
                group.loop.execute(() -> group.abort(new CancellationException("task group cancelled")));
            }
            return true;
        }
    }
}
