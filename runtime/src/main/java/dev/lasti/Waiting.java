package dev.lasti;

import java.time.Duration;

/**
 * What a suspended task waits for, in a {@link TaskInfo}: the future behind the await it is suspended at.
 */
public sealed interface Waiting {
    /** {@code EventLoop.sleep}: the time left until it ends (negative if overdue). */
    record Sleep(Duration left) implements Waiting {}

    /** Another task of the same loop, by its {@link TaskInfo#id()} in the same snapshot. */
    record Task(int id) implements Waiting {}

    /** A {@link java.util.concurrent.CompletionStage} (the JDK {@code HttpClient}, for one). */
    record Stage() implements Waiting {}

    /** A combined future: {@code Future.all}, {@code any} or {@code withTimeout}. */
    record Combined(String kind) implements Waiting {}

    /** {@code EventLoop.yieldNow()}: the next iteration. */
    record NextIteration() implements Waiting {}

    /**
     * A promise, by its {@link dev.lasti.Promise#description() description} where it has one: the runtime's
     * own say what they are ({@code "socket read"}, {@code "socket write"}, {@code "socket connect"}, {@code
     * "TLS handshake"}, {@code "socket readiness"}, {@code "EventLoop.blocking job"}); a plain one is {@code
     * "promise"}, a subclass its class name.
     */
    record Promise(String type) implements Waiting {}

    /** Nothing: the task is running right now (it asked for the snapshot, or the loop is inside it). */
    record Running() implements Waiting {}
}
