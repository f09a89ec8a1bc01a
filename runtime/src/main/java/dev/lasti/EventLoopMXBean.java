package dev.lasti;

/**
 * The management view of one running event loop, registered by the runtime as {@code
 * dev.lasti:type=EventLoop,name=<thread>} while the loop runs, so tools outside the process can list its
 * tasks: {@code java -jar lasti-runtime.jar ps PID} (see {@link Inspect}), JConsole, or any JMX client.
 * Each read takes a {@link EventLoop#taskSnapshot} through the loop, waiting at most one second.
 */
public interface EventLoopMXBean {
    /** The name of the loop's thread. */
    String getThreadName();

    /** One line per live task: id, {@code Class.method (File.java:LINE)}, what it waits for, who awaits it. */
    String[] getTasks();

    /** The tasks as a tree, each under the task that awaits it ({@link TaskSnapshot#format()}). */
    String getTaskTree();
}
