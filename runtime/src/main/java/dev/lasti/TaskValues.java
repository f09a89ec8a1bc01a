package dev.lasti;

import java.util.Arrays;

/**
 * The task-local values of one task: an immutable array of bindings, replaced, never changed, on every
 * {@link TaskLocal#set}. A task that suspends keeps a reference, and a child starts with its parent's
 * reference: no copy until someone sets something. A task sets a handful of variables at most, so a
 * linear scan beats a map. {@code null} stands for "no values", so a loop whose tasks use none allocates
 * nothing for them.
 */
final class TaskValues {
    private TaskValues() {}

    /** One variable's value. */
    record Binding(TaskLocal<?> local, Object value) {}

    private static final Binding[] NONE = {};

    /** The value of {@code local} in {@code values} (a {@code Binding[]} or {@code null}), or {@code null}. */
    static Object lookup(Object values, TaskLocal<?> local) {
        if (values instanceof Binding[] bindings) {
            for (Binding b : bindings) {
                if (b.local() == local) {
                    return b.value();
                }
            }
        }
        return null;
    }

    /** {@code values} with {@code local} bound to {@code value}, or without it when {@code value} is null. */
    static Object with(Object values, TaskLocal<?> local, Object value) {
        Binding[] bindings = values instanceof Binding[] b ? b : NONE;
        for (int i = 0; i < bindings.length; i++) {
            if (bindings[i].local() == local) {
                if (value != null) {
                    Binding[] copy = bindings.clone();
                    copy[i] = new Binding(local, value);
                    return copy;
                }
                Binding[] shorter = new Binding[bindings.length - 1];
                System.arraycopy(bindings, 0, shorter, 0, i);
                System.arraycopy(bindings, i + 1, shorter, i, bindings.length - i - 1);
                return shorter.length == 0 ? null : shorter;
            }
        }
        if (value == null) {
            return values;
        }
        Binding[] longer = Arrays.copyOf(bindings, bindings.length + 1);
        longer[bindings.length] = new Binding(local, value);
        return longer;
    }
}
