package pp;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/** Package-private types, fields, methods and constructors shared by rewritten and unchanged classes. */
public class Shapes {
    /** Package-private nested interface, no @Async: stays as javac wrote it. */
    interface Src {
        Future<String> get();
    }

    /** Package-private nested abstract class, no @Async. */
    abstract static class Base {
        abstract Future<Integer> value();
    }

    /** Rewritten anonymous class implementing the unchanged package-private interface. */
    static Src anonymous() {
        return new Src() {
            @Async
            public Future<String> get() {
                await(EventLoop.yieldNow());
                return Future.completed("anon");
            }
        };
    }

    /** Rewritten local class extending the unchanged package-private class. */
    static Base local(int seed) {
        class Local extends Base {
            @Async
            Future<Integer> value() {
                await(EventLoop.yieldNow());
                return Future.completed(seed * 2);
            }
        }
        return new Local();
    }

    /** Rewritten nested class with an unchanged package-private superclass. */
    static final class Nested extends Base {
        @Async
        Future<Integer> value() {
            await(EventLoop.yieldNow());
            return Future.completed(7);
        }
    }

    /** Rewritten code using an unchanged class's package-private constructor, field and method. */
    @Async
    static Future<Integer> useHelper() {
        Helper h = new Helper(5);
        await(EventLoop.yieldNow());
        h.count += 1;
        return Future.completed(h.twice(h.count));
    }

    /** Rewritten code taking unchanged subclasses of a rewritten package-private class where the base is expected. */
    @Async
    static Future<Integer> useSubclasses(boolean first) {
        Counter c = first ? new Counter.Plus() : new Counter.Minus();
        int a = await(c.step(10));
        Counter d = new Counter.Plus();
        return Future.completed(a + await(take(d)));
    }

    @Async
    static Future<Integer> take(Counter c) {
        return c.step(1);
    }

    /** Everything, on one event loop. */
    public static String runAll() {
        return EventLoop.run(Shapes::all);
    }

    @Async
    static Future<String> all() {
        String s = await(anonymous().get());
        int l = await(local(4).value());
        int n = await(new Nested().value());
        int h = await(useHelper());
        int sub = await(useSubclasses(true)) + await(useSubclasses(false));
        Worker w = new Worker();
        int job = await(w.work(3));
        String greet = await(new Polite().hello());
        int fromUnchanged = await(Caller.call());
        return Future.completed(s + "," + l + "," + n + "," + h + "," + sub + "," + job + "," + greet + ","
                + fromUnchanged);
    }
}
