package pp;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/** Rewritten package-private class with package-private members used from unchanged code. */
class Target {
    final int base;
    int extra;

    Target(int base) {
        this.base = base;
    }

    @Async
    Future<Integer> total() {
        await(EventLoop.yieldNow());
        return Future.completed(base + extra);
    }
}
