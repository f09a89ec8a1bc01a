package dev.lasti.sync;

import dev.lasti.Future;
import dev.lasti.Promise;
import java.util.function.Supplier;

/**
 * {@code withLock} and {@code withPermit} without an {@code @Async} method (this module is not
 * transformed): once {@code acquired} is done, run {@code body}, then {@code release} when its future is
 * done. Cancelling the result before the acquisition cancels the acquisition; after it, the body.
 */
final class Holding<T> extends Promise<T> {
    private final Future<Void> acquired;
    private Future<T> running;

    private Holding(Future<Void> acquired) {
        this.acquired = acquired;
    }

    static <T> Future<T> run(Future<Void> acquired, Supplier<? extends Future<T>> body, Runnable release) {
        Holding<T> result = new Holding<>(acquired);
        acquired.whenDone(a -> {
            if (a.isFailed()) { // cancelled while waiting: nothing is held
                result.fail(a.cause());
                return;
            }
            Future<T> f;
            try {
                f = body.get();
            } catch (Throwable t) {
                f = Future.failed(t);
            }
            result.running = f;
            f.whenDone(done -> {
                release.run();
                result.completeWith(done);
            });
        });
        return result;
    }

    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        if (running != null) {
            running.cancel(); // released when it has unwound
        } else {
            acquired.cancel();
        }
        return true;
    }
}
