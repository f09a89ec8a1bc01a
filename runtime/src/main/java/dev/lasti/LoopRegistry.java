package dev.lasti;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Registers an {@link EventLoopMXBean} per running loop with the platform MBean server, and the loop with
 * {@link LoopEvents}. The work runs on
 * one daemon thread, off the loop: the first registration creates the platform server, which takes tens of
 * milliseconds that a loop's start should not wait for.
 */
final class LoopRegistry {
    private static final System.Logger LOG = System.getLogger("dev.lasti");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Duration ANSWER = Duration.ofSeconds(1);
    /** Worker thread only. */
    private static final Map<EventLoop, ObjectName> NAMES = new HashMap<>();

    private static final class Worker {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lasti-jmx");
            t.setDaemon(true);
            return t;
        });
    }

    private LoopRegistry() {}

    /** Called on the loop thread when {@code loop} starts: hands all the work to the worker. */
    static void register(EventLoop loop, Thread thread) {
        String threadName = thread.getName();
        Worker.THREAD.execute(() -> {
            LoopEvents.started(loop); // its class initializer hooks the periodic JFR event: off the loop
            try {
                ObjectName name = new ObjectName("dev.lasti:type=EventLoop,name="
                        + ObjectName.quote(threadName + "#" + SEQUENCE.incrementAndGet()));
                ManagementFactory.getPlatformMBeanServer().registerMBean(new Bean(loop, threadName), name);
                NAMES.put(loop, name);
            } catch (JMException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "lasti: could not register the MBean of " + threadName, e);
            }
        });
    }

    /** Called when the loop has stopped; runs after its registration (one worker thread, in order). */
    static void unregister(EventLoop loop) {
        Worker.THREAD.execute(() -> {
            LoopEvents.stopped(loop);
            ObjectName name = NAMES.remove(loop);
            try {
                if (name != null) {
                    ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
                }
            } catch (JMException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "lasti: could not unregister " + name, e);
            }
        });
    }

    private record Bean(EventLoop loop, String threadName) implements EventLoopMXBean {
        @Override
        public String getThreadName() {
            return threadName;
        }

        @Override
        public String[] getTasks() {
            TaskSnapshot s = loop.taskSnapshot(ANSWER);
            if (!s.answered()) {
                return new String[] {"(no answer: " + s.note() + ")"};
            }
            List<String> lines = s.tasks().stream().map(t -> "#" + t.id() + " " + t.where() + "  "
                    + TaskSnapshot.describe(t.waitingFor())
                    + (t.awaitedBy().isEmpty() ? "" : ", awaited by #" + t.awaitedBy().get(0))).toList();
            return lines.toArray(String[]::new);
        }

        @Override
        public String getTaskTree() {
            return loop.taskSnapshot(ANSWER).format();
        }
    }
}
