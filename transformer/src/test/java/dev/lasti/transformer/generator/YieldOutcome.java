package dev.lasti.transformer.generator;

import java.util.List;
import java.util.Objects;

/**
 * What one consumer saw of a generated generator: the values it took, how the generator ended, the
 * generator's state after it, and the event trace the body wrote. A real run and its twin agree when all of
 * it is equal.
 *
 * @param values each taken value as {@link Sent#show} writes it
 * @param end {@code returned <value>}, {@code closed}, or {@code threw <class>: <message>}
 * @param state the generator's {@code state()} at the end: {@code CLOSED}, or {@code SUSPENDED} when its
 *     body ignored the {@code GeneratorExit} of {@code close()}
 * @param trace the event trace
 */
record YieldOutcome(List<String> values, String end, String state, String trace) {
    /** The end of a consumer's {@code close()} that the body of a {@code kind} method answered by yielding again. */
    static String ignoredExit(Mode kind) {
        return "threw java.lang.IllegalStateException: " + (kind == Mode.ASYNC_GENERATOR ? "async " : "")
                + "generator ignored GeneratorExit";
    }

    static String threw(Throwable t) {
        return "threw " + t.getClass().getName() + ": " + t.getMessage();
    }

    /** The part that differs, or {@code null}, spelled out so a mismatch report can say which. */
    String difference(YieldOutcome actual) {
        if (!Objects.equals(values, actual.values)) {
            return "values";
        }
        if (!Objects.equals(end, actual.end)) {
            return "end";
        }
        if (!Objects.equals(state, actual.state)) {
            return "state";
        }
        return Objects.equals(trace, actual.trace) ? null : "trace";
    }

    /**
     * The kinds of ending a coverage check wants to see often, each a name; one outcome may have several:
     * how it ended, whether the body caught a thrown-in exception on the way (its catch traced "=in<k>"), and
     * whether a cancelled {@code hasNext()} ended it.
     */
    List<String> endings() {
        List<String> out = new java.util.ArrayList<>();
        out.add(end.startsWith("returned") ? "returned" : end.startsWith("threw java.lang.IllegalStateException")
                && end.endsWith("ignored GeneratorExit") ? "close ignored by a yield in a finally block"
                : end.startsWith("threw") ? "threw" : "closed");
        if (trace.matches("(?s).*=(w:)?in\\d+;.*")) {
            out.add("thrown-in exception caught by the body");
        }
        if (end.startsWith("threw java.util.concurrent.CancellationException")) {
            out.add("cancelled at an await");
        }
        return out;
    }

    String describe() {
        return end + " (" + state + ") after " + values.size() + " values " + values + "\n      trace: " + trace;
    }
}
