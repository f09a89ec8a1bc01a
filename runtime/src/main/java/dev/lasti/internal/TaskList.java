package dev.lasti.internal;

import dev.lasti.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * The live tasks of one loop, as an intrusive doubly linked list through {@link Frame#prev} and {@link
 * Frame#next}: adding and removing allocate nothing, and the loop keeps every suspended task strongly
 * reachable while it waits (Tornado and asyncio both once lost coroutines that only a forgotten future
 * referenced). Loop thread only.
 */
public final class TaskList {
    private final EventLoop loop;
    private Frame<?> head;
    private int size;

    /** Creates the list of {@code loop}. */
    public TaskList(EventLoop loop) {
        this.loop = loop;
    }

    /** The loop that owns the tasks. */
    public EventLoop loop() {
        return loop;
    }

    /** Adds a task at its first suspension. */
    public void add(Frame<?> task) {
        task.tasks = this;
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

    /** Live tasks. */
    public int size() {
        return size;
    }

    /** Returns {@code true} if no task is live. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Completes every task still live as cancelled, without resuming it: the loop is shutting down and
     * they did not finish unwinding in time. Their waiters at least learn that they will never finish.
     */
    public void dropAll() {
        while (head != null) {
            Frame<?> f = head;
            remove(f);
            f.abandon();
        }
    }

    /** Requests cancellation of every live task (the loop is shutting down). */
    public void cancelAll() {
        List<Frame<?>> snapshot = new ArrayList<>(size);
        for (Frame<?> f = head; f != null; f = f.next) {
            snapshot.add(f);
        }
        for (Frame<?> f : snapshot) {
            f.cancel();
        }
    }
}
