package app.store;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import java.util.List;
import java.util.Optional;

/** An interface with a default and a static @Async method. */
public interface Store {
    Future<Optional<Item>> find(String id);

    @Async
    default Future<Integer> totalQty(List<String> ids) {
        int total = 0;
        for (String id : ids) {
            Optional<Item> item = await(find(id));
            total += item.map(Item::qty).orElse(0);
        }
        return Future.completed(total);
    }

    @Async
    static Future<Store> open(List<Item> items) {
        MemoryStore store = new MemoryStore();
        for (Item item : items) {
            await(store.put(item));
        }
        return Future.completed(store);
    }
}
