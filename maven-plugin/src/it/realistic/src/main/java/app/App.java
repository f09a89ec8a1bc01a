package app;

import static dev.lasti.Await.await;

import app.store.Item;
import app.store.Status;
import app.store.Store;
import app.util.Retry;
import app.web.Request;
import app.web.Response;
import app.web.Router;
import dev.lasti.Async;
import dev.lasti.Future;
import java.util.List;
import java.util.Map;

/** The service: opens the store, builds the router, serves requests. */
public final class App {
    private final Config config = new Config(3);
    private Router router;

    @Async
    public Future<App> start() {
        Store store = await(Store.open(List.of(new Item("a", 2, Status.ACTIVE), new Item("b", 5, Status.RETIRED),
                new Item("c", 1, Status.ACTIVE))));
        router = new Router(store);
        return Future.completed(this);
    }

    @Async
    public Future<String> serve(String path, Map<String, String> query) {
        Response r = await(Retry.withRetry(() -> router.dispatch(new Request(path, query)), config.retries));
        return Future.completed(r.status() + " " + r.body());
    }
}
