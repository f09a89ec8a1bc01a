package dev.lasti;

import java.time.Duration;
import java.util.List;

/**
 * One live task of a loop, in a {@link TaskSnapshot}: its async method, where it is suspended, what it
 * waits for, and which task awaits it.
 *
 * @param id this task's number in the snapshot (1, 2, ...); valid only within one snapshot
 * @param owner the binary name of the class that declares the async method
 * @param method the async method's name
 * @param file its source file, or {@code null} without debug information
 * @param line the line of the await it is suspended at, or {@code -1} if unknown
 * @param waitingFor the future behind that await
 * @param awaitedBy the ids of the tasks that await this one (directly or through a combinator)
 * @param seenWaiting how long snapshots of this loop have seen the task at this same await, waiting for the
 *     same future: a lower bound on how long it has waited, zero the first time. lasti records no time at
 *     a suspension (that would cost every await a clock read), so the first snapshot starts the clock;
 *     a sleep's time left is exact
 */
public record TaskInfo(int id, String owner, String method, String file, int line, Waiting waitingFor,
        List<Integer> awaitedBy, Duration seenWaiting) {
    /** {@code Orders.place (Orders.java:42)}: the simple class name, the method, the await's position. */
    public String where() {
        return new Where(owner, method, file, line).format();
    }
}
