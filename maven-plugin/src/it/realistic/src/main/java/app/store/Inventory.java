package app.store;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A generic class with generic @Async methods. */
public final class Inventory<T extends Item> {
    private final List<T> items = new ArrayList<>();

    public Inventory<T> add(T item) {
        items.add(item);
        return this;
    }

    @Async
    public <R> Future<List<R>> mapAll(Function<T, Future<R>> f) {
        List<R> out = new ArrayList<>();
        for (T item : items) {
            out.add(await(f.apply(item)));
        }
        return Future.completed(out);
    }

    /** Package-private nested class, rewritten. */
    static final class Counter {
        int seen;

        @Async
        Future<Integer> countActive(List<? extends Item> list) {
            for (Item i : list) {
                String d = await(i.status().describe());
                if (d.equals("active")) {
                    seen++;
                }
            }
            return Future.completed(seen);
        }
    }

    @Async
    public Future<Integer> active() {
        return Future.completed(await(new Counter().countActive(items)));
    }
}
