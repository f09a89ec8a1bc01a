package dev.lasti;

import java.util.ArrayList;
import java.util.List;

/**
 * The live tasks of one loop at one moment, from {@link EventLoop#taskSnapshot}: data to inspect, and
 * {@link #format()} for a tree of who awaits whom, like Python's {@code asyncio pstree}.
 *
 * @param loop the loop thread's name
 * @param tasks the live tasks, newest first; {@link TaskInfo#awaitedBy} links them by id
 * @param answered {@code false} if the loop thread did not answer in time (it is blocked or not running),
 *     in which case {@code tasks} is empty and {@code note} says why
 * @param note what went wrong, or an empty string
 */
public record TaskSnapshot(String loop, List<TaskInfo> tasks, boolean answered, String note) {
    /** Copies {@code tasks}. */
    public TaskSnapshot {
        tasks = List.copyOf(tasks);
    }

    /**
     * The tasks as a tree: each task under the task that awaits it, one line each, {@code
     * Class.method (File.java:LINE)} and what it waits for.
     */
    public String format() {
        StringBuilder out = new StringBuilder("event loop " + loop + ": " + tasks.size() + " live task(s)");
        if (!answered) {
            return out.append(" unknown: ").append(note).append('\n').toString();
        }
        out.append('\n');
        List<TaskInfo> roots = children(0);
        for (int i = 0; i < roots.size(); i++) {
            print(out, roots.get(i), "", i == roots.size() - 1);
        }
        return out.toString();
    }

    private void print(StringBuilder out, TaskInfo t, String indent, boolean last) {
        out.append(indent).append(last ? "└── " : "├── ").append('#').append(t.id()).append(' ')
                .append(t.where()).append("  ").append(describe(t.waitingFor()));
        if (!t.seenWaiting().isZero()) {
            out.append(", seen waiting ").append(t.seenWaiting().toMillis()).append(" ms");
        }
        out.append('\n');
        List<TaskInfo> kids = children(t.id());
        for (int i = 0; i < kids.size(); i++) {
            print(out, kids.get(i), indent + (last ? "    " : "│   "), i == kids.size() - 1);
        }
    }

    /** The tasks awaited by task {@code id} (for 0: the tasks nobody awaits), in snapshot order. */
    private List<TaskInfo> children(int id) {
        List<TaskInfo> out = new ArrayList<>();
        for (TaskInfo t : tasks) {
            boolean root = t.awaitedBy().isEmpty();
            if (id == 0 ? root : !root && t.awaitedBy().get(0) == id) {
                out.add(t);
            }
        }
        return out;
    }

    /** "waits for a sleep, 1.5 s left", for the formatted tree. */
    static String describe(Waiting w) {
        if (w instanceof Waiting.Sleep s) {
            return "waits for a sleep, " + s.left().toMillis() + " ms left";
        } else if (w instanceof Waiting.Task t) {
            return "waits for task #" + t.id();
        } else if (w instanceof Waiting.Stage) {
            return "waits for a CompletionStage";
        } else if (w instanceof Waiting.Combined c) {
            return "waits for Future." + c.kind();
        } else if (w instanceof Waiting.NextIteration) {
            return "waits for the next iteration";
        } else if (w instanceof Waiting.Promise p) {
            return "waits for " + (p.type().equals("promise") ? "a promise" : p.type());
        }
        return "running";
    }
}
