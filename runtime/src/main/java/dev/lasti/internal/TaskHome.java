package dev.lasti.internal;

/**
 * Where a task lives: its loop's {@link TaskList}, and the task-local values it had when it last
 * suspended. A task without values (every task of a program that uses no {@code TaskLocal}) points at the
 * list itself, which is its own home with no values; only a task with values gets a {@link Scoped}. So
 * task-local values cost a frame no field: one reference serves both, and a frame of skynet's leaf stays at
 * 64 bytes.
 */
sealed interface TaskHome permits TaskList, TaskHome.Scoped {
    /** The loop's list of live tasks. */
    TaskList list();

    /** The task's task-local values (see {@link TaskList#context}), or {@code null}. */
    Object values();

    /** The home of {@code list}'s task whose values are {@code values}: the list itself when there are none. */
    static TaskHome of(TaskList list, Object values) {
        return values == null ? list : new Scoped(list, values);
    }

    /** A task with task-local values. */
    record Scoped(TaskList list, Object values) implements TaskHome {}
}
