package dev.lasti;

/**
 * Runs on the loop thread around every step of a task, so that values kept in {@link TaskLocal}s can be
 * carried into libraries that read {@link ThreadLocal}s: SLF4J's {@code MDC}, OpenTelemetry's {@code
 * Context}, a security context. lasti depends on none of them; a bridge is a few lines:
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.builder().taskHook(new TaskHook() {
 *     public void resumed()   { MDC.put("request", REQUEST_ID.get()); }
 *     public void suspended() { MDC.remove("request"); }
 * }).build();
 * }</pre>
 *
 * <p>Without a bridge a {@code ThreadLocal} set by one task is still set when the next task runs on the
 * same loop thread: alice's request id shows up in the log lines of bob's request. Keep such values in a
 * {@link TaskLocal} and let the hook copy them.
 *
 * <p>{@link #resumed()} runs when a suspended task resumes, before its code; {@link #suspended()} when
 * the step ends, at its next await or its end. {@code resumed()} also runs after {@link TaskLocal#set} and
 * around {@link TaskLocal#with}, whenever the current values change, so the copy stays current. An
 * exception thrown by the hook is logged and does not stop the task. A loop without a hook pays nothing.
 */
public interface TaskHook {
    /** The task-local values of the task now running are current: copy what you need. */
    void resumed();

    /** The running task is about to suspend or has finished its step: clear what {@link #resumed} set. */
    void suspended();
}
