package app.store;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

/** A record with an @Async member. */
public record Item(String id, int qty, Status status) {
    @Async
    public Future<Item> restocked(int n) {
        await(EventLoop.sleep(Duration.ofMillis(1)));
        return Future.completed(new Item(id, qty + n, status));
    }
}
