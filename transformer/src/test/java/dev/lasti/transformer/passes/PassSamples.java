package dev.lasti.transformer.passes;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/** Small methods whose bytecode the per-pass tests show before and after each pass. */
public class PassSamples {
    public record Point(int x, int y) {}

    static String f(int a, String b) {
        return a + b;
    }

    @Async
    static Future<String> stackAtAwait(int a, Future<String> b) {
        return Future.completed(f(a, await(b)));
    }

    @Async
    static Future<String> deadLocal(Future<String> b) {
        String dead = "dead";
        dead.length();
        long live = 7L;
        String s = await(b);
        return Future.completed(s + live);
    }

    @Async
    static Future<Point> newPoint(Future<Integer> x, Future<Integer> y) {
        return Future.completed(new Point(await(x), await(y)));
    }

    static int cleanups;

    @Async
    static Future<String> returnInFinally(Future<String> b) {
        try {
            return Future.completed(await(b));
        } finally {
            cleanups++;
        }
    }
}
