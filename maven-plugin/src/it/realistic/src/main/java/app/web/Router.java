package app.web;

import static dev.lasti.Await.await;

import app.store.Store;
import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes built from async lambdas, method references, an anonymous class and a local class. */
public final class Router {
    private final Map<String, Handler> routes = new LinkedHashMap<>();

    public Router(Store store) {
        Controllers c = new Controllers(store);
        routes.put("/item", c::item);
        routes.put("/total", c::total);
        routes.put("/ping", r -> {
            await(EventLoop.yieldNow());
            return Future.completed(new Response(200, "pong"));
        });
        routes.put("/echo", new Handler() {
            @Async
            public Future<Response> handle(Request r) {
                await(EventLoop.yieldNow());
                return Future.completed(new Response(200, r.param("msg", "")));
            }
        });
        class Bonus implements Handler {
            final int extra;

            Bonus(int extra) {
                this.extra = extra;
            }

            @Async
            public Future<Response> handle(Request r) {
                return c.item(r, await(Future.completed(extra)));
            }
        }
        routes.put("/bonus", new Bonus(100));
    }

    @Async
    public Future<Response> dispatch(Request r) {
        Handler h = routes.get(r.path());
        if (h == null) {
            return Future.completed(new Response(404, "no route " + r.path()));
        }
        try {
            return Future.completed(await(h.handle(r)));
        } catch (RuntimeException e) {
            return Future.completed(new Response(500, e.getMessage()));
        }
    }
}
