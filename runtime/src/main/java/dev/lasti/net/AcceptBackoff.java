package dev.lasti.net;

import java.time.Duration;

/**
 * How long a {@link TcpServer} stops accepting after {@code accept} fails (typically {@code EMFILE}: out
 * of file descriptors): 10 ms, doubling on each failure in a row up to 1 s, back to 10 ms after an accept
 * succeeds. A failure that repeats at once would otherwise spin the loop (the listening socket stays
 * readable while connections wait in the backlog) and log on every turn.
 */
final class AcceptBackoff {
    static final Duration MIN = Duration.ofMillis(10);
    static final Duration MAX = Duration.ofSeconds(1);

    private Duration next = MIN;

    /** The pause after one more failure. */
    Duration failed() {
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return pause;
    }

    /** An accept succeeded: the next failure pauses briefly again. */
    void succeeded() {
        next = MIN;
    }
}
