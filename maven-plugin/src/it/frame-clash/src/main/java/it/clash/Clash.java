package it.clash;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

public class Clash {
    @Async
    public Future<Integer> m() {
        await(EventLoop.yieldNow());
        return Future.completed(42);
    }
}

/**
 * The user's own class, which happens to have the name of the frame class of Clash.m. Clash never names it
 * (a class that Clash references is a name the transformer itself steers clear of), so only the driver can
 * see the clash: by the file already on disk that lasti did not write.
 */
class Clash$m$Frame {
    static int answer() {
        return 42;
    }
}
