package it.cov;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;

/** Lines marked "covered" run in the test, most of them after a real suspension; "missed" never runs. */
public class Pipeline {
    @Async
    public Future<Integer> run(int n) {
        int total = n; // covered
        await(EventLoop.sleep(Duration.ofMillis(5)));
        total += 10; // covered
        for (int i = 0; i < 3; i++) {
            await(EventLoop.sleep(Duration.ofMillis(1)));
            total += i; // covered
        }
        if (total < 0) {
            total = -total; // missed
        }
        String label = await(describe(total)); // covered
        return Future.completed(label.length() + total); // covered
    }

    @Async
    Future<String> describe(int total) {
        await(EventLoop.sleep(Duration.ofMillis(1)));
        return Future.completed("total=" + total); // covered
    }

    /** Never called by the test. */
    public int unused(int x) {
        return x * 3; // missed
    }
}
