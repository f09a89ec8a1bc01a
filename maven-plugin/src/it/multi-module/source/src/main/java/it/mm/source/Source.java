package it.mm.source;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

public class Source {
    @Async
    public Future<String> fetch(String key) {
        await(EventLoop.sleep(Duration.ofMillis(5)));
        return Future.completed("value of " + key);
    }
}
