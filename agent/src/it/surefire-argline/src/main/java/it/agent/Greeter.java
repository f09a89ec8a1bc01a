package it.agent;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

public class Greeter {
    @Async
    public Future<String> greet(String name) {
        await(EventLoop.sleep(Duration.ofMillis(10)));
        return Future.completed("Hello, " + name);
    }
}
