package dev.lasti;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * lasti's Flight Recorder events. Both are produced off the loop thread, so a loop pays nothing for them,
 * enabled or not: {@link Blocked} by the blocked-loop checker when it finds a long iteration, {@link
 * Suspended} by a periodic hook that JFR calls only while a recording enables it.
 */
final class LoopEvents {
    /** A task counts as long suspended after this many milliseconds (system property, default 1000). */
    static final String THRESHOLD_PROPERTY = "lasti.jfr.suspendedThresholdMillis";
    private static final Set<EventLoop> RUNNING = ConcurrentHashMap.newKeySet();
    static {
        FlightRecorder.addPeriodicEvent(Suspended.class, LoopEvents::emitSuspended);
    }

    private LoopEvents() {}

    /** An iteration of an event loop ran longer than the blocked-loop threshold. */
    @Name("dev.lasti.LoopBlocked")
    @Label("Event Loop Blocked")
    @Category("lasti")
    @Description("An event loop iteration ran longer than the loop's blockedThreshold")
    @StackTrace(false)
    static final class Blocked extends Event {
        @Label("Loop Thread")
        String loopThread;

        @Label("Busy For (at least)")
        @Timespan(Timespan.MILLISECONDS)
        long busyMillis;

        @Label("Running")
        @Description("The task (method and line) or the method the loop thread was in")
        String running;
    }

    /** A task stayed suspended at one await past the threshold; emitted once per period while it does. */
    @Name("dev.lasti.TaskSuspended")
    @Label("Task Suspended Long")
    @Category("lasti")
    @Period("1 s")
    @StackTrace(false)
    static final class Suspended extends Event {
        @Label("Loop Thread")
        String loopThread;

        @Label("Task")
        String task;

        @Label("Waiting For")
        String waitingFor;

        @Label("Suspended For (at least)")
        @Timespan(Timespan.MILLISECONDS)
        long suspendedMillis;
    }

    static void started(EventLoop loop) {
        RUNNING.add(loop);
    }

    static void stopped(EventLoop loop) {
        RUNNING.remove(loop);
    }

    /** From the blocked-loop checker thread. */
    static void blocked(String loopThread, long busyMillis, String running) {
        Blocked e = new Blocked();
        if (e.isEnabled()) {
            e.loopThread = loopThread;
            e.busyMillis = busyMillis;
            e.running = running;
            e.commit();
        }
    }

    /** JFR's periodic hook: a snapshot of each running loop, through the loop. */
    private static void emitSuspended() {
        long threshold = Long.getLong(THRESHOLD_PROPERTY, 1000) * 1_000_000;
        for (EventLoop loop : RUNNING) {
            TaskSnapshot s = loop.taskSnapshot(Duration.ofSeconds(1));
            for (TaskInfo t : s.tasks()) {
                if (t.waitingFor() instanceof Waiting.Running) {
                    continue;
                }
                long since = t.seenWaiting().toNanos();
                if (since >= threshold) {
                    Suspended e = new Suspended();
                    e.loopThread = s.loop();
                    e.task = t.where();
                    e.waitingFor = TaskSnapshot.describe(t.waitingFor());
                    e.suspendedMillis = since / 1_000_000;
                    e.commit();
                }
            }
        }
    }
}
