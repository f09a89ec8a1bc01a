package it.misuse;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

public class Locked {
    private final Object lock = new Object();

    @Async
    public Future<Void> load(String key) {
        synchronized (lock) {
            await(EventLoop.sleep(Duration.ofMillis(1)));
        }
        return Future.completed(null);
    }
}
