package dev.lasti;

import dev.lasti.internal.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds {@link TaskSnapshot}s: reads the loop's task list on the loop thread, and hands the result to a
 * caller on another thread through the loop's queue, with a timeout for a loop that is blocked. Reads the
 * frames as they are (their resume index and awaited future); records nothing while tasks run.
 */
final class TaskTree {
    /** When a snapshot first saw a task at its current await: weak keys, and nothing that refers back. */
    private static final Map<Frame<?>, Seen> FIRST_SEEN = new WeakHashMap<>();

    private record Seen(int resumePoint, int awaitingIdentity, long sinceNanos) {}

    private TaskTree() {}

    /**
     * How long snapshots have seen {@code frame} waiting: zero while it runs, and at a rewritten yield,
     * whose mark is one object for every yield (a task yielding in a loop would otherwise look stuck there);
     * such a yield ends in the next iteration.
     */
    private static Duration waitedFor(Frame<?> frame, Future<?> awaiting, long now) {
        return awaiting == null || isYieldMark(awaiting) ? Duration.ZERO : seenWaiting(frame, awaiting, now);
    }

    /** The shared future a task awaits at a yield the transformer rewrote. */
    private static boolean isYieldMark(Future<?> f) {
        return f.getClass() == TaskLists.NEXT_ITERATION_MARK;
    }

    /** How long snapshots have seen {@code frame} waiting at this await for this future. */
    private static Duration seenWaiting(Frame<?> frame, Future<?> awaiting, long now) {
        int identity = System.identityHashCode(awaiting);
        synchronized (FIRST_SEEN) { // one map for all loops
            Seen seen = FIRST_SEEN.get(frame);
            if (seen == null || seen.resumePoint() != frame.resumePoint() || seen.awaitingIdentity() != identity) {
                FIRST_SEEN.put(frame, new Seen(frame.resumePoint(), identity, now));
                return Duration.ZERO;
            }
            return Duration.ofNanos(now - seen.sinceNanos());
        }
    }

    /** A snapshot of {@code loop}'s tasks, from any thread; waits at most {@code timeout} for the loop. */
    static TaskSnapshot snapshot(EventLoop loop, Thread thread, Duration timeout) {
        String name = thread == null ? "(not started)" : thread.getName();
        if (loop.isCurrent()) {
            return build(loop);
        }
        CompletableFuture<TaskSnapshot> answer = new CompletableFuture<>();
        try {
            loop.execute(() -> answer.complete(build(loop)));
        } catch (RejectedExecutionException e) {
            return new TaskSnapshot(name, List.of(), false, "the loop has shut down");
        }
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new TaskSnapshot(name, List.of(), false, thread == null
                    ? "the loop has not started" : "the loop thread did not answer within " + timeout.toMillis()
                    + " ms: it is blocked (state " + thread.getState() + ", at " + top(thread) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TaskSnapshot(name, List.of(), false, "interrupted while waiting for the loop");
        } catch (ExecutionException e) {
            return new TaskSnapshot(name, List.of(), false, "the snapshot failed: " + e.getCause());
        }
    }

    private static String top(Thread t) {
        StackTraceElement[] s = t.getStackTrace();
        return s.length == 0 ? "unknown" : s[0].toString();
    }

    /** On the loop thread. */
    static TaskSnapshot build(EventLoop loop) {
        String name = Thread.currentThread().getName();
        List<Map.Entry<Frame<?>, Future<?>>> live = TaskLists.live(loop);
        Map<Frame<?>, Integer> ids = new IdentityHashMap<>();
        for (Map.Entry<Frame<?>, Future<?>> e : live) {
            ids.put(e.getKey(), ids.size() + 1);
        }
        List<TaskInfo> tasks = new ArrayList<>(live.size());
        long now = System.nanoTime();
        for (Map.Entry<Frame<?>, Future<?>> e : live) {
            Frame<?> frame = e.getKey();
            Where where = Where.of(frame);
            List<Frame<?>> up = AsyncTrace.awaiters(frame);
            Integer parent = up.isEmpty() ? null : ids.get(up.get(0));
            tasks.add(new TaskInfo(ids.get(frame), where.owner(), where.method(), where.file(), where.line(),
                    waiting(loop, e.getValue(), ids), parent == null ? List.of() : List.of(parent),
                    waitedFor(frame, e.getValue(), now)));
        }
        return new TaskSnapshot(name, tasks, true, "");
    }

    /** Classifies the future a task awaits. */
    private static Waiting waiting(EventLoop loop, Future<?> f, Map<Frame<?>, Integer> ids) {
        if (f == null) {
            return new Waiting.Running();
        } else if (f instanceof Frame<?> task) {
            Integer id = ids.get(task);
            return id == null ? new Waiting.Promise("task of another loop") : new Waiting.Task(id);
        } else if (f instanceof EventLoop.Sleep s) {
            return new Waiting.Sleep(Duration.ofNanos(s.deadline() - loop.nanoTime()));
        } else if (f instanceof NextIteration || isYieldMark(f)) {
            return new Waiting.NextIteration();
        }
        String kind = Combinators.kindOf(f);
        if (kind != null) {
            return kind.equals("from") ? new Waiting.Stage() : new Waiting.Combined(kind);
        }
        if (f instanceof Promise<?> p && p.description() != null) {
            return new Waiting.Promise(p.description());
        }
        return new Waiting.Promise(f.getClass() == Promise.class ? "promise" : f.getClass().getName());
    }
}
