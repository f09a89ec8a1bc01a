package app.store;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/** An enum with an @Async method, overridden in one constant's body (an anonymous subclass). */
public enum Status {
    ACTIVE,
    RETIRED {
        @Async
        @Override
        public Future<String> describe() {
            String base = await(super.describe());
            return Future.completed(base + " (gone)");
        }
    };

    @Async
    public Future<String> describe() {
        await(EventLoop.yieldNow());
        return Future.completed(name().toLowerCase());
    }
}
