package dev.lasti.internal;

import dev.lasti.Future;

/**
 * What a task awaits at {@code await(EventLoop.yieldNow())} once the transformer has rewritten the call
 * (its {@code NextIterationAwaits} pass): one shared future that never completes and cannot be cancelled.
 * A task that suspends on it queues itself on its loop instead of registering on a future, so a yield
 * allocates nothing and its wake-up is the task's own step, in the same iteration as a {@code
 * NextIteration} would have been. {@link Frame} gives the await a completed future when the task resumes,
 * or a cancellation if one was requested in between, exactly the two outcomes a {@code NextIteration} has.
 *
 * <p>It never leaves the runtime's hands: generated code passes it straight to {@link Frame#start} or
 * {@link Frame#suspend}, and only a task snapshot reads it back (as "next iteration"; {@code
 * dev.lasti.TaskLists} finds the class by name, so the ABI package exports nothing new).
 */
final class NextIterationMark extends Future<Void> {
    /** The one instance. */
    static final NextIterationMark MARK = new NextIterationMark();

    private NextIterationMark() {}

    /** Shared by every yielding task, so not cancellable itself: {@link Frame} delivers the cancellation. */
    @Override
    public boolean cancel() {
        return false;
    }

    @Override
    public String toString() {
        return "NextIterationMark[the loop's next iteration]";
    }
}
