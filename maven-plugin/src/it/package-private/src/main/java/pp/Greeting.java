package pp;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/** Package-private interface with an @Async default method: rewritten; its implementation is not. */
interface Greeting {
    @Async
    default Future<String> hello() {
        await(EventLoop.yieldNow());
        return Future.completed("hi " + name());
    }

    String name();
}
