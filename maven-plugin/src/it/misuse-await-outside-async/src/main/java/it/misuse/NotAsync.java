package it.misuse;

import static dev.lasti.Await.await;

import dev.lasti.EventLoop;
import java.time.Duration;

public class NotAsync {
    public void forgotTheAnnotation() {
        await(EventLoop.sleep(Duration.ofMillis(1)));
    }
}
