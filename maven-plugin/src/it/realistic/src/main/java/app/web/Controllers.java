package app.web;

import static dev.lasti.Await.await;

import app.store.Item;
import app.store.Store;
import app.util.Strings;
import dev.lasti.Async;
import dev.lasti.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Package-private controllers with overloaded @Async methods. */
class Controllers {
    final Store store;

    Controllers(Store store) {
        this.store = store;
    }

    @Async
    Future<Response> item(Request r) {
        return item(r, 0);
    }

    @Async
    Future<Response> item(Request r, int bonus) {
        Optional<Item> found = await(store.find(r.param("id", "")));
        if (found.isEmpty()) {
            return Future.completed(new Response(404, "no such item"));
        }
        Item item = found.get();
        String status = await(item.status().describe());
        return Future.completed(new Response(200, item.id() + ":" + (item.qty() + bonus) + ":" + status));
    }

    @Async
    Future<Response> total(Request r) {
        List<String> ids = new ArrayList<>(List.of(r.param("ids", "").split(",")));
        int qty = await(store.totalQty(ids));
        return Future.completed(new Response(200, Strings.join("+", ids) + "=" + qty));
    }
}
