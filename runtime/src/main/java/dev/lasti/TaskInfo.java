package dev.lasti;

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
 */
public record TaskInfo(int id, String owner, String method, String file, int line, Waiting waitingFor,
        List<Integer> awaitedBy) {
    /** {@code Orders.place (Orders.java:42)}: the simple class name, the method, the await's position. */
    public String where() {
        return new Where(owner, method, file, line).format();
    }
}
