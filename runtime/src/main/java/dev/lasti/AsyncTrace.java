package dev.lasti;

import dev.lasti.internal.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Async stack traces: when a future fails, the tasks that await it (and the tasks that await those) are
 * appended to the failure's stack trace, innermost first, each at the await it is suspended at.
 *
 * <p>Nothing is recorded at a suspension: the chain is read from the futures' waiters at the moment the
 * failure is delivered, so the normal path pays nothing. Each appended element is marked with the module
 * name {@value #MARK}, so {@code printStackTrace()} and every logging framework print it as {@code at
 * async/app.Orders.place(Orders.java:42)}. The elements of the code that threw come first (with {@code
 * $resume} stripped from the method names of resumed bodies), then the async chain, then lasti's own
 * dispatch frames ({@code Frame.run}, the loop), which are kept but no longer come before the user's lines.
 *
 * <p>An exception is rewritten at most once: a trace that already holds a marked element is left alone, so
 * a failure that travels up through several tasks, or an exception instance that is thrown again and again,
 * never grows. Exceptions without a stack trace ({@code writableStackTrace=false}, or an overridden {@code
 * fillInStackTrace}, the usual shape of shared static instances) are left alone too, as are cancellations,
 * which are control flow and may be many at shutdown.
 */
final class AsyncTrace {
    /** The module name of an async element: what {@code StackTraceElement.toString()} prints first. */
    static final String MARK = "async";
    /** A guard against a cycle of waiters (a task awaiting a future that awaits it). */
    private static final int MAX_DEPTH = 1_000;

    private AsyncTrace() {}

    /**
     * A callback a combinator registers on an input: the future it passes the input's outcome on to, so
     * the chain goes on through {@code Future.all}, {@code any} and {@code withTimeout}.
     */
    interface Relay {
        /** The future that gets this input's outcome. */
        Future<?> target();
    }

    /** Called by {@code failed} just before it fails with {@code error}. Any thread. */
    static void onFailure(Future<?> failed, Throwable error) {
        if (error instanceof CancellationException) {
            return;
        }
        List<Frame<?>> chain = awaiters(failed);
        if (chain.isEmpty()) {
            return;
        }
        StackTraceElement[] trace = error.getStackTrace();
        if (trace.length == 0 || isMarked(trace)) {
            return;
        }
        error.setStackTrace(merge(trace, chain));
    }

    /** The tasks that await {@code future}, directly or through combinators, innermost first. */
    static List<Frame<?>> awaiters(Future<?> future) {
        List<Frame<?>> chain = new ArrayList<>();
        Future<?> f = future;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Object w = awaiterOf(f.waiterSnapshot());
            if (w == null) {
                break;
            }
            if (w instanceof Frame<?> frame) {
                chain.add(frame);
            }
            f = w instanceof Frame<?> frame ? frame : ((Relay) w).target();
        }
        return chain;
    }

    /** The first waiter, in registration order, that is a task or a relay; {@code null} if none. */
    static Object awaiterOf(Object waiters) {
        Object found = null;
        for (Object w : Future.waiterList(waiters)) {
            if (w instanceof Frame<?> || w instanceof Relay) {
                found = w;
                break;
            }
        }
        return found;
    }

    /** One marked element for a suspended task: the user's method, the file and line of its await. */
    static StackTraceElement element(Frame<?> frame) {
        Where where = Where.of(frame);
        return new StackTraceElement(null, MARK, null, where.owner(), where.method(), where.file(), where.line());
    }

    private static boolean isMarked(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (MARK.equals(e.getModuleName()) && e.getClassLoaderName() == null && e.getModuleVersion() == null) {
                return true;
            }
        }
        return false;
    }

    /** The thrower's frames, the chain, then lasti's dispatch frames (from the resume bridge on). */
    private static StackTraceElement[] merge(StackTraceElement[] trace, List<Frame<?>> chain) {
        int cut = machineryStart(trace);
        List<StackTraceElement> out = new ArrayList<>(trace.length + chain.size());
        for (int i = 0; i < cut; i++) {
            out.add(stripResume(trace[i]));
        }
        for (Frame<?> frame : chain) {
            out.add(element(frame));
        }
        for (int i = cut; i < trace.length; i++) {
            out.add(trace[i]);
        }
        return out.toArray(StackTraceElement[]::new);
    }

    /**
     * The index of the first dispatch frame: the generated {@code resume} bridge just above {@code
     * Frame.run}, or {@code Frame.run} itself; the whole trace if neither is there (a failure made on
     * another thread, such as an HTTP client's).
     */
    private static int machineryStart(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().equals(Frame.class.getName())) {
                return i > 0 && trace[i - 1].getMethodName().equals("resume") ? i - 1 : i;
            }
        }
        return trace.length;
    }

    /** {@code level3$resume} is the body of {@code level3} resumed: print it under the user's name. */
    private static StackTraceElement stripResume(StackTraceElement e) {
        String m = e.getMethodName();
        if (!m.endsWith("$resume")) {
            return e;
        }
        // no class loader name: the JVM leaves out the built-in loaders' names ("app"), and a copy cannot
        return new StackTraceElement(null, e.getModuleName(), e.getModuleVersion(),
                e.getClassName(), m.substring(0, m.length() - "$resume".length()), e.getFileName(), e.getLineNumber());
    }
}
