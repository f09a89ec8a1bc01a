package it.skip;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

public class Skipped {
    @Async
    public Future<Void> nap() {
        return Future.completed(await(EventLoop.sleep(Duration.ofMillis(1))));
    }
}
