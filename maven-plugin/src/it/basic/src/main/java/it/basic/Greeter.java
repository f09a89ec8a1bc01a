package it.basic;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

public class Greeter {
    @Async
    public Future<String> greet(String name) {
        await(EventLoop.sleep(Duration.ofMillis(20)));
        String shout = await(upper(name));
        return Future.completed("Hello, " + shout);
    }

    @Async
    public Future<String> upper(String s) {
        return Future.completed(s.toUpperCase());
    }
}
