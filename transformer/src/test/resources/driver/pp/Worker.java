package pp;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

/** Package-private top-level class, rewritten, implementing an unchanged package-private interface. */
class Worker implements Job {
    @Async
    public Future<Integer> work(int n) {
        await(EventLoop.yieldNow());
        return Future.completed(n * 100);
    }
}
