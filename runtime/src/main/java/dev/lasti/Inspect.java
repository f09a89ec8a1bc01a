package dev.lasti;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The runtime jar's command line: {@code java -jar lasti-runtime-<version>.jar ps PID} lists the tasks of
 * every lasti loop in the JVM with that process id, {@code ... pstree PID} prints them as trees. It attaches
 * with the JDK's Attach API, starts the target's local JMX agent and reads each loop's {@link
 * EventLoopMXBean}; nothing but the JDK on either side.
 */
public final class Inspect {
    private Inspect() {}

    /**
     * Runs the command and exits with its status: 0 on success, 1 when the process runs no lasti loop, 2
     * when it cannot be read (no such process, not a JVM, attach refused), 64 for bad arguments.
     *
     * @param args {@code ps PID} or {@code pstree PID}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@link #main} without the exit, for tests and embedding. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !(args[0].equals("ps") || args[0].equals("pstree")) || !args[1].matches("\\d+")) {
            err.println("usage: java -jar lasti-runtime.jar ps|pstree PID");
            return 64;
        }
        String pid = args[1];
        if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            err.println("lasti: no process with id " + pid);
            return 2;
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            err.println("lasti: cannot attach to process " + pid + " (not a JVM, another user's, or started with"
                    + " -XX:+DisableAttachMechanism): " + e.getMessage());
            return 2;
        }
        try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            return print(c.getMBeanServerConnection(), args[0].equals("ps"), pid, out, err);
        } catch (IOException | JMException e) {
            err.println("lasti: cannot read the loops of process " + pid + ": " + e);
            return 2;
        }
    }

    private static int print(MBeanServerConnection server, boolean flat, String pid, PrintStream out, PrintStream err)
            throws IOException, JMException {
        Set<ObjectName> loops = new TreeSet<>(server.queryNames(new ObjectName("dev.lasti:type=EventLoop,*"), null));
        if (loops.isEmpty()) {
            err.println("lasti: process " + pid + " runs no lasti event loop right now");
            return 1;
        }
        for (ObjectName loop : loops) {
            if (flat) {
                String[] tasks = (String[]) server.getAttribute(loop, "Tasks");
                out.println("event loop " + server.getAttribute(loop, "ThreadName") + ": " + tasks.length + " task(s)");
                for (String t : tasks) {
                    out.println("  " + t);
                }
            } else {
                out.print(server.getAttribute(loop, "TaskTree"));
            }
        }
        return 0;
    }
}
