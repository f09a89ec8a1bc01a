package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/** Test support shared by the behaviour tests: a future's failure as a value, to assert on. */
public final class Outcomes {
    private Outcomes() {}

    /** Awaits {@code f}: its failure (a cancellation included), or {@code null} once it has a value. */
    @Async
    public static Future<Throwable> failureOf(Future<?> f) {
        try {
            await(f);
            return Future.completed(null);
        } catch (Throwable t) {
            return Future.completed(t);
        }
    }
}
