package app.store;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In the package, so it reaches the package-private store and collaborators. */
class StoreTest {
    private static final List<Item> ITEMS = List.of(new Item("a", 2, Status.ACTIVE), new Item("b", 5, Status.RETIRED));

    @Async
    static Future<Integer> writesAfterOpen() {
        MemoryStore store = (MemoryStore) await(Store.open(ITEMS));
        return Future.completed(store.writes());
    }

    @Test
    void openWritesEveryItem_throughAStaticInterfaceMethod() {
        assertEquals(2, EventLoop.run(StoreTest::writesAfterOpen));
    }

    @Test
    void recordAndEnumMembers() {
        assertEquals(7, EventLoop.run(() -> ITEMS.get(0).restocked(5)).qty());
        assertEquals("retired (gone)", EventLoop.run(() -> Status.RETIRED.describe()));
    }

    @Test
    void genericMethods_andANestedCounter() {
        Inventory<Item> inv = new Inventory<>().add(ITEMS.get(0)).add(ITEMS.get(1));
        assertEquals(List.of("active", "retired (gone)"),
                EventLoop.run(() -> inv.mapAll(i -> i.status().describe())));
        assertEquals(1, EventLoop.run(inv::active));
    }
}
