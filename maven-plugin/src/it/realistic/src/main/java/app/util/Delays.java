package app.util;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

/** Package-private collaborator of Retry, without @Async. */
final class Delays {
    final int baseMillis;

    Delays(int baseMillis) {
        this.baseMillis = baseMillis;
    }

    Future<Void> after(int attempt) {
        return EventLoop.sleep(Duration.ofMillis((long) baseMillis * attempt));
    }
}
