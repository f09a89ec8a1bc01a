package it.clash;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

public class Clash {
    @Async
    public Future<Integer> m() {
        await(EventLoop.yieldNow());
        return Future.completed(Clash$m$Frame.answer());
    }
}

/** The user's own class, which happens to have the name of the frame class of Clash.m. */
class Clash$m$Frame {
    static int answer() {
        return 42;
    }
}
