package dev.lasti;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * What the blocked-loop report says about the loop thread: the task it is running, read from its stack,
 * and whether a debugger holds it.
 */
final class Running {
    private Running() {}

    /**
     * Whether {@code t} is suspended through JVMTI, which is how a JDWP debugger stops a thread at a
     * breakpoint or a pause ({@code ThreadReference.suspend}, suspend policies "thread" and "all"): {@link
     * ThreadInfo#isSuspended()} reports exactly that suspension, whatever the thread's state was when it
     * stopped (a thread at a breakpoint still shows RUNNABLE), so it is the sound signal, unlike guessing
     * from the presence of the JDWP agent. Called only once a loop looks blocked, never per iteration.
     */
    static boolean isSuspended(Thread t) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId(), 0);
        return info != null && info.isSuspended();
    }

    /**
     * "running task Orders.place (Orders.java:42)" from the innermost resumed body ({@code m$resume}) on
     * the stack, or "in Main.start (Main.java:12)" for code that runs before a first await (the entry
     * method, a callback): the innermost frame outside the JDK.
     */
    static String describe(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String m = e.getMethodName();
            if (m.endsWith("$resume")) {
                return "running task " + simple(e.getClassName()) + "." + m.substring(0, m.length() - 7)
                        + " (" + e.getFileName() + ":" + e.getLineNumber() + ")";
            }
        }
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return "in " + simple(c) + "." + e.getMethodName() + " (" + e.getFileName() + ":"
                        + e.getLineNumber() + ")";
            }
        }
        return "in the JDK";
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
