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

    /** A socket: a read, a write, a connection or readiness, as {@code kind} says. */
    record Io(String kind) implements Waiting {}

    /** {@code EventLoop.yieldNow()}: the next iteration. */
    record NextIteration() implements Waiting {}

    /** Work on the loop's blocking pool ({@code EventLoop.blocking}) or a promise someone must complete. */
    record Promise(String type) implements Waiting {}

    /** Nothing: the task is running right now (it asked for the snapshot, or the loop is inside it). */
    record Running() implements Waiting {}
}
