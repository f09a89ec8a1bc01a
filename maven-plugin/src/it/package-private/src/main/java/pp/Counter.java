package pp;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/** Package-private top-level class with @Async: rewritten; its subclasses are not. */
abstract class Counter {
    abstract int delta();

    @Async
    Future<Integer> step(int from) {
        await(EventLoop.yieldNow());
        return Future.completed(from + delta());
    }

    /** Unchanged subclass of a rewritten class. */
    static final class Plus extends Counter {
        int delta() {
            return 1;
        }
    }

    /** Unchanged subclass of a rewritten class. */
    static final class Minus extends Counter {
        int delta() {
            return -1;
        }
    }
}
