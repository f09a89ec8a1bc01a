package dev.lasti;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value that belongs to a task, not to a thread (Python's {@code contextvars.ContextVar}): a request id,
 * a trace span, the user a request runs for.
 *
 * <pre>{@code
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");
 *
 * @Async
 * Future<Response> handle(Request r) {
 *     return REQUEST_ID.with(r.header("X-Request-Id"), () -> serve(r));   // serve and all it awaits see it
 * }
 * }</pre>
 *
 * <p>The rules, which follow {@code contextvars}:
 * <ul>
 *   <li>Every task has its own values. A task keeps them across its awaits: they are saved when it
 *       suspends and restored when it resumes, whatever ran on the loop thread meanwhile.</li>
 *   <li>An {@code @Async} call runs in its caller's values until its first await (it is the caller's
 *       code on the caller's stack until then) and keeps a copy from there on. So a value set by a callee
 *       before its first await is seen by the caller afterwards, and one set after it is not. {@link
 *       #with} has no such subtlety: the binding holds for the body and for every task the body starts,
 *       for their whole lives, and the caller's value is back when {@code with} returns.</li>
 *   <li>A child started with {@link TaskGroup#start} or {@link #isolated} begins with a copy of the
 *       starting task's values; what it sets never reaches its parent.</li>
 *   <li>Plain callbacks ({@link Future#whenDone}, timers, I/O handlers) see the values of whatever task
 *       is running, or none.</li>
 * </ul>
 *
 * <p>A {@link ThreadLocal} on the loop thread is shared by every task of the loop, so a value one task sets
 * is seen by the next task that runs; that is the bug this class fixes. Libraries that read {@code
 * ThreadLocal}s (SLF4J's {@code MDC}) get the task's values through a {@link TaskHook}.
 *
 * @param <T> the type of the value
 */
public final class TaskLocal<T> {
    private final String name;

    private TaskLocal(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A new task-local variable; {@code name} is for {@link #toString} and error messages only. */
    public static <T> TaskLocal<T> named(String name) {
        return new TaskLocal<>(name);
    }

    /** The value in the running task, or {@code null} if it has none (or off a loop thread). */
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) TaskValues.lookup(current(), this);
    }

    /** The value in the running task, or {@code otherwise} if it has none. */
    public T orElse(T otherwise) {
        T v = get();
        return v == null ? otherwise : v;
    }

    /**
     * Sets the value for the running task from here on: it keeps it across awaits and passes it to the
     * children it starts later. {@code null} removes it.
     *
     * @throws IllegalStateException off a loop thread
     */
    public void set(T value) {
        replace(TaskValues.with(current(), this, value));
    }

    /**
     * Runs {@code body} with this variable bound to {@code value} and returns its future. The binding holds
     * for everything the body does, before and after its awaits, and for the tasks it starts; when this
     * returns, the calling code has its own value back.
     *
     * @throws IllegalStateException off a loop thread
     */
    public <R> Future<R> with(T value, Supplier<? extends Future<R>> body) {
        Object outer = current();
        replace(TaskValues.with(outer, this, value));
        try {
            return body.get();
        } finally {
            replace(outer);
        }
    }

    /**
     * Calls {@code start} as a new task with a copy of the current values: what it sets, before or after
     * its first await, stays its own. {@link TaskGroup#start} starts every child this way.
     */
    public static <R> Future<R> isolated(Supplier<? extends Future<R>> start) {
        Object outer = current();
        try {
            return start.get();
        } finally {
            if (current() != outer) {
                replace(outer);
            }
        }
    }

    @Override
    public String toString() {
        return "TaskLocal[" + name + "]";
    }

    /** The running code's values (see {@code TaskValues}); {@code null} for none, or off a loop thread. */
    private static Object current() {
        return TaskLists.context();
    }

    /** Replaces them, then lets the loop's hook copy them; a clear error off a loop thread. */
    private static void replace(Object values) {
        TaskLists.context(values);
    }
}
