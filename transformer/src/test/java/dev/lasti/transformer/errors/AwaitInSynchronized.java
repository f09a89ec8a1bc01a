package dev.lasti.transformer.errors;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/** Build-error fixture: awaits while holding a monitor. */
public class AwaitInSynchronized {
    private final Object lock = new Object();

    @Async
    Future<String> block(Future<String> f) {
        synchronized (lock) {
            return Future.completed(await(f)); // line 15
        }
    }

    @Async
    synchronized Future<String> method(Future<String> f) {
        return Future.completed(await(f)); // line 21
    }

    @Async
    Future<String> afterBlockIsFine(Future<String> f) {
        synchronized (lock) {
            lock.hashCode();
        }
        return Future.completed(await(f));
    }
}
