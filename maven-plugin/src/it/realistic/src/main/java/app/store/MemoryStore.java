package app.store;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.Optional;

/** Package-private implementation using a package-private collaborator across awaits. */
class MemoryStore implements Store {
    private final Index index = new Index();

    @Async
    public Future<Optional<Item>> find(String id) {
        await(EventLoop.sleep(Duration.ofMillis(1)));
        return Future.completed(Optional.ofNullable(index.get(id)));
    }

    @Async
    Future<Void> put(Item item) {
        await(EventLoop.yieldNow());
        index.byId.put(item.id(), item);
        index.writes++;
        return Future.completed(null);
    }

    int writes() {
        return index.writes;
    }
}
