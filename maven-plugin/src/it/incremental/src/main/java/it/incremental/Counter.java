package it.incremental;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;

public class Counter {
    @Async
    public Future<Integer> countTo(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            await(EventLoop.yieldNow());
            sum += i;
        }
        return Future.completed(sum);
    }
}
