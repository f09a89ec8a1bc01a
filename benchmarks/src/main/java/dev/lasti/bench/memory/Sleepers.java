package dev.lasti.bench.memory;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/** The suspended task measured by {@link Memory}: a few locals live across its one await. */
final class Sleepers {
    private Sleepers() {}

    /** Suspends on {@code gate} with {@code x}, {@code b} and {@code tag} saved in its frame. */
    @Async
    static Future<Long> sleeper(Future<?> gate, long a, int b, String tag) {
        long x = a * b;
        await(gate);
        return Future.completed(x + b + tag.length());
    }
}
