package dev.lasti.internal;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.TaskHook;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The live tasks of one loop, as an intrusive doubly linked list through {@link Frame#prev} and {@link
 * Frame#next}: adding and removing allocate nothing, and the loop keeps every suspended task strongly
 * reachable while it waits (Tornado and asyncio both once lost coroutines that only a forgotten future
 * referenced). Loop thread only.
 *
 * <p>Not public: the list of the loop running on a thread is that thread's {@link #CURRENT}, created when
 * the loop binds the thread ({@link #open}). Package {@code dev.lasti} reaches its static methods only
 * through {@code dev.lasti.TaskLists}, which looks each one up once with a private lookup (both packages are
 * in the same module). So neither {@code EventLoop} nor this package needs a public member that only the
 * runtime calls.
 */
final class TaskList implements TaskHome {
    private static final System.Logger LOG = System.getLogger("dev.lasti");
    /** The list of the loop that runs on this thread; cleared when that loop shuts down. */
    private static final ThreadLocal<TaskList> CURRENT = new ThreadLocal<>();

    private final EventLoop loop;
    /** The loop's {@link TaskHook}, or {@code null}: then a step costs no call. */
    final TaskHook hook;
    /**
     * The task-local values of the code running now (see {@code dev.lasti.TaskLocal}; {@code null} for
     * none): a task's step swaps its own in and out (see {@link Frame#run}), so this is always the running
     * task's. The runtime's only mutable per-thread state besides the list itself.
     */
    Object context;
    /**
     * Whether steps swap task-local values at all: false until the loop's first {@code TaskLocal} change or
     * with a hook, so a program that uses neither pays one field read per step.
     */
    boolean contextual;
    private Frame<?> head;
    private int size;

    private TaskList(EventLoop loop, TaskHook hook) {
        this.loop = loop;
        this.hook = hook;
        this.contextual = hook != null;
    }

    /** A list is the home of its tasks that have no task-local values. */
    @Override
    public TaskList list() {
        return this;
    }

    /** ... and so has none. */
    @Override
    public Object values() {
        return null;
    }

    /**
     * Called by {@code loop} when it binds to the calling thread (through {@code TaskLists}): the list, with
     * the loop's hook, exists from the start.
     */
    static void open(EventLoop loop, TaskHook hook) {
        CURRENT.set(new TaskList(loop, hook));
    }

    /** The task-local values of the running code on this loop thread; {@code null} off a loop thread. */
    static Object context() {
        TaskList tasks = CURRENT.get();
        return tasks == null || !tasks.loop.isCurrent() ? null : tasks.context;
    }

    /** Replaces the running code's task-local values, then lets the hook copy them. Loop thread only. */
    static void context(Object values) {
        TaskList tasks = current();
        tasks.context = values;
        tasks.contextual = true;
        if (tasks.hook != null) {
            tasks.resumedHook();
        }
    }

    /** Runs the hook's {@code resumed()}; a failing hook is logged and the task goes on. */
    void resumedHook() {
        try {
            hook.resumed();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "lasti: the loop's TaskHook.resumed() threw", t);
        }
    }

    /** Runs the hook's {@code suspended()}; a failing hook is logged and the task goes on. */
    void suspendedHook() {
        try {
            hook.suspended();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "lasti: the loop's TaskHook.suspended() threw", t);
        }
    }

    /**
     * The list of the loop running on the calling thread, for a task's first suspension.
     *
     * @throws IllegalStateException if the calling thread runs no event loop
     */
    static TaskList current() {
        TaskList tasks = CURRENT.get();
        if (tasks != null && tasks.loop.isCurrent()) {
            return tasks;
        }
        tasks = new TaskList(EventLoop.current(), null); // a stale list of an earlier loop: not normally reached
        CURRENT.set(tasks);
        return tasks;
    }

    /**
     * Called by {@code loop} on its thread when it shuts down: cancels the tasks still suspended (asyncio.run
     * does the same), lets them unwind while {@code iterate} (one loop iteration, timers and I/O included;
     * {@code false} once the loop's shutdown time is up) runs, then drops what is left.
     */
    static void shutdown(EventLoop loop, BooleanSupplier iterate) {
        TaskList tasks = CURRENT.get();
        if (tasks == null || tasks.loop != loop) {
            return; // no task of this loop ever suspended
        }
        try {
            if (!tasks.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "lasti: the loop ended with " + tasks.size()
                        + " task(s) that never finished; cancelling them:" + tasks.describeAll());
            }
            tasks.cancelAll();
            while (!tasks.isEmpty() && iterate.getAsBoolean()) {
                // the iteration ran the cancelled tasks' next steps
            }
            if (!tasks.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "lasti: " + tasks.size()
                        + " task(s) had not finished unwinding when the loop's shutdown time was up and were"
                        + " dropped, their finally blocks not run:"
                        + tasks.describeAll());
                tasks.dropAll();
            }
        } finally {
            CURRENT.remove();
        }
    }

    /** How many tasks of {@code loop} are suspended now; called by the loop on its thread (test support). */
    static int suspendedCount(EventLoop loop) {
        TaskList tasks = CURRENT.get();
        return tasks == null || tasks.loop != loop ? 0 : tasks.size;
    }

    /**
     * The live tasks of {@code loop} with the future each one awaits now ({@code null} for a task that is
     * running), newest first; called by the loop on its thread, for {@code EventLoop.taskSnapshot}.
     */
    static List<Map.Entry<Frame<?>, Future<?>>> live(EventLoop loop) {
        TaskList tasks = CURRENT.get();
        if (tasks == null || tasks.loop != loop) {
            return List.of();
        }
        List<Map.Entry<Frame<?>, Future<?>>> out = new ArrayList<>(tasks.size);
        for (Frame<?> f = tasks.head; f != null; f = f.next) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(f, f.awaitingNow()));
        }
        return out;
    }

    /** The loop that owns the tasks. */
    EventLoop loop() {
        return loop;
    }

    /** Adds a task at its first suspension. */
    void add(Frame<?> task) {
        task.home = this;
        task.linked = true;
        task.next = head;
        if (head != null) {
            head.prev = task;
        }
        head = task;
        size++;
    }

    /** Removes a finished task; does nothing if it is not in the list. */
    void remove(Frame<?> task) {
        if (!task.linked) {
            return;
        }
        task.linked = false;
        if (task.prev != null) {
            task.prev.next = task.next;
        } else {
            head = task.next;
        }
        if (task.next != null) {
            task.next.prev = task.prev;
        }
        task.prev = null;
        task.next = null;
        size--;
    }

    /** Distinct places listed in a shutdown report; the rest are counted in one line. */
    private static final int REPORTED_PLACES = 20;

    /**
     * One line per place where live tasks are suspended (see {@link Frame#toString}), with how many are
     * there, in the order first seen: a million tasks at one await are one line, not a million.
     */
    private String describeAll() {
        Map<String, Integer> places = new LinkedHashMap<>();
        for (Frame<?> f = head; f != null; f = f.next) {
            places.merge(f.toString(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        int listed = 0;
        int rest = 0;
        for (Map.Entry<String, Integer> e : places.entrySet()) {
            if (listed++ < REPORTED_PLACES) {
                out.append("\n    ").append(e.getValue() == 1 ? "" : e.getValue() + " x ").append(e.getKey());
            } else {
                rest += e.getValue();
            }
        }
        if (rest > 0) {
            out.append("\n    ... and ").append(rest).append(" more task(s) at ")
                    .append(places.size() - REPORTED_PLACES).append(" other place(s)");
        }
        return out.toString();
    }

    /** Live tasks. */
    int size() {
        return size;
    }

    /** Returns {@code true} if no task is live. */
    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Completes every task still live as cancelled, without resuming it: the loop is shutting down and
     * they did not finish unwinding in time. Their waiters at least learn that they will never finish.
     */
    void dropAll() {
        while (head != null) {
            Frame<?> f = head;
            remove(f);
            f.abandon();
        }
    }

    /** Requests cancellation of every live task (the loop is shutting down). */
    void cancelAll() {
        List<Frame<?>> snapshot = new ArrayList<>(size);
        for (Frame<?> f = head; f != null; f = f.next) {
            snapshot.add(f);
        }
        for (Frame<?> f : snapshot) {
            f.cancel();
        }
    }
}
