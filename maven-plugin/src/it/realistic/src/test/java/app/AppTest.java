package app;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the whole service on the event loop; the @Async helper here is rewritten by transform-test. */
class AppTest {
    @Async
    static Future<String> serve(String path, Map<String, String> query) {
        App app = await(new App().start());
        return app.serve(path, query);
    }

    private static String call(String path, Map<String, String> query) {
        return EventLoop.run(() -> serve(path, query));
    }

    @Test
    void itemThroughAMethodReference() {
        assertEquals("200 a:2:active", call("/item", Map.of("id", "a")));
        assertEquals("200 b:5:retired (gone)", call("/item", Map.of("id", "b")));
        assertEquals("404 no such item", call("/item", Map.of("id", "zz")));
    }

    @Test
    void totalThroughAnInterfaceDefaultMethod() {
        assertEquals("200 a+b+c+x=8", call("/total", Map.of("ids", "a,b,c,x")));
    }

    @Test
    void pingThroughAnAsyncLambda_echoThroughAnAnonymousClass_bonusThroughALocalClass() {
        assertEquals("200 pong", call("/ping", Map.of()));
        assertEquals("200 hello", call("/echo", Map.of("msg", "hello")));
        assertEquals("200 c:101:active", call("/bonus", Map.of("id", "c")));
    }

    @Test
    void unknownRoute() {
        assertEquals("404 no route /nope", call("/nope", Map.of()));
    }
}
