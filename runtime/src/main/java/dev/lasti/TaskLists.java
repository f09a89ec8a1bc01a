package dev.lasti;

import dev.lasti.internal.Frame;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The one place this package reaches {@code dev.lasti.internal.TaskList}, which is package-private there
 * (the live tasks are kept next to the frames they link): each static method of that class the loop, the
 * task tree and {@link TaskLocal} need is looked up once, with a private lookup (both packages are in this
 * module), so the ABI package needs no public member that only the runtime calls.
 */
final class TaskLists {
    private static final MethodHandle OPEN = handle("open",
            MethodType.methodType(void.class, EventLoop.class, TaskHook.class));
    private static final MethodHandle SHUTDOWN = handle("shutdown",
            MethodType.methodType(void.class, EventLoop.class, BooleanSupplier.class));
    private static final MethodHandle SUSPENDED_COUNT = handle("suspendedCount",
            MethodType.methodType(int.class, EventLoop.class));
    private static final MethodHandle LIVE = handle("live", MethodType.methodType(List.class, EventLoop.class));
    private static final MethodHandle CONTEXT = handle("context", MethodType.methodType(Object.class));
    private static final MethodHandle SET_CONTEXT = handle("context",
            MethodType.methodType(void.class, Object.class));

    /**
     * {@code dev.lasti.internal.NextIterationMark}, package-private there: what a task awaits at a yield the
     * transformer rewrote (see {@code Frame.nextIteration}); the task tree shows it as the next iteration.
     */
    static final Class<?> NEXT_ITERATION_MARK = internalClass("NextIterationMark");

    private TaskLists() {}

    /** {@code TaskList.open}: the task list of {@code loop}, with its hook, as the loop binds its thread. */
    static void open(EventLoop loop, TaskHook hook) {
        try {
            OPEN.invokeExact(loop, hook);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code TaskList.shutdown}: cancels the live tasks and lets them unwind while {@code iterate} runs. */
    static void shutdown(EventLoop loop, BooleanSupplier iterate) {
        try {
            SHUTDOWN.invokeExact(loop, iterate);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code TaskList.suspendedCount}: the live tasks of {@code loop}. */
    static int suspendedCount(EventLoop loop) {
        try {
            return (int) SUSPENDED_COUNT.invokeExact(loop);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code TaskList.live}: each live task of {@code loop} with the future it awaits now. */
    @SuppressWarnings("unchecked")
    static List<Map.Entry<Frame<?>, Future<?>>> live(EventLoop loop) {
        try {
            return (List<Map.Entry<Frame<?>, Future<?>>>) (List<?>) LIVE.invokeExact(loop);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code TaskList.context()}: the running code's task-local values; {@code null} off a loop thread. */
    static Object context() {
        try {
            return (Object) CONTEXT.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code TaskList.context(Object)}: replaces them. */
    static void context(Object values) {
        try {
            SET_CONTEXT.invokeExact(values);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The callee's own exceptions pass as they are; a checked one cannot happen. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static MethodHandle handle(String name, MethodType type) {
        try {
            Class<?> taskList = internalClass("TaskList");
            return MethodHandles.privateLookupIn(taskList, MethodHandles.lookup()).findStatic(taskList, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Class<?> internalClass(String simpleName) {
        try {
            return Class.forName("dev.lasti.internal." + simpleName, false, TaskLists.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
