package app.util;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import java.util.function.Supplier;

/** A generic async helper: retries an operation, catching failures at the await. */
public final class Retry {
    private Retry() {}

    @Async
    public static <T> Future<T> withRetry(Supplier<Future<T>> op, int attempts) {
        Delays delays = new Delays(1);
        RuntimeException last = null;
        for (int i = 1; i <= attempts; i++) {
            try {
                return Future.completed(await(op.get()));
            } catch (RuntimeException e) {
                last = e;
                await(delays.after(i));
            }
        }
        throw last;
    }

    /** Varargs and an overload of the same name. */
    @Async
    public static Future<Integer> sum(int... xs) {
        int total = 0;
        for (int x : xs) {
            total += await(Future.completed(x));
        }
        return Future.completed(total);
    }

    @Async
    public static Future<Integer> sum(java.util.List<Integer> xs) {
        return sum(xs.stream().mapToInt(Integer::intValue).toArray());
    }
}
