package dev.lasti;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One loop's {@link EventLoop#submit} results still pending, so that its shutdown leaves none of them
 * pending: what was submitted may be a plain future (a sleep, a promise nobody will complete) that no task
 * list knows about. A concurrent set, because a result completes on whatever thread completes its task;
 * submits are not the hot path.
 */
final class SubmittedTasks {
    private final Set<Submitted<?>> pending = ConcurrentHashMap.newKeySet();

    void add(Submitted<?> s) {
        pending.add(s);
    }

    void remove(Submitted<?> s) {
        pending.remove(s);
    }

    /** At the start of the shutdown: cancels each; tasks among them unwind while the loop drains. */
    void cancelAll() {
        List.copyOf(pending).forEach(Submitted::cancel);
    }

    /** After the drain: whatever is still pending fails, as a task dropped by the shutdown does. */
    void dropAll() {
        for (Submitted<?> s : List.copyOf(pending)) {
            s.drop();
        }
    }
}
