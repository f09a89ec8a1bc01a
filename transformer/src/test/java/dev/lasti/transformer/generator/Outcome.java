package dev.lasti.transformer.generator;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/**
 * What one run of a generated method did: its value or its exception (class and message), plus the event
 * trace it wrote. Two runs agree when all of it is equal.
 *
 * @param value {@code String.valueOf} the returned value, or {@code null} if it threw
 * @param exception the thrown exception's class name, or {@code null}
 * @param message the thrown exception's message
 * @param trace the event trace
 */
record Outcome(String value, String exception, String message, String trace) {
    static Outcome returned(Object value, CharSequence trace) {
        return new Outcome(String.valueOf(value), null, null, trace.toString());
    }

    static Outcome threw(Throwable t, CharSequence trace) {
        return new Outcome(null, t.getClass().getName(), t.getMessage(), trace.toString());
    }

    /** Runs the plain twin through its entry {@code e<i>$plain}, with a schedule that only counts awaits. */
    static Outcome plain(Class<?> program, ProgramGenerator.Signature method, Object[] args, Sched sched)
            throws ReflectiveOperationException {
        StringBuilder trace = new StringBuilder();
        try {
            return returned(Args.invoke(program, method.entry() + "$plain", sched, trace, args), trace);
        } catch (InvocationTargetException e) {
            return threw(e.getCause(), trace);
        }
    }

    /** A one-line description for failure reports. */
    String describe() {
        String result = exception == null ? "returned " + value : "threw " + exception + ": " + message;
        return result + "\n      trace: " + trace;
    }

    /** Field-by-field equality, spelled out so a mismatch report can say which part differs. */
    String difference(Outcome actual) {
        if (!Objects.equals(exception, actual.exception) || !Objects.equals(message, actual.message)) {
            return "outcome";
        }
        if (!Objects.equals(value, actual.value)) {
            return "value";
        }
        return Objects.equals(trace, actual.trace) ? null : "trace";
    }
}
