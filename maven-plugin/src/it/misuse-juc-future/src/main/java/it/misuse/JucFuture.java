package it.misuse;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

public class JucFuture {
    @Async
    public Future<String> name() {
        return CompletableFuture.completedFuture(await(dev.lasti.Future.completed("x")));
    }
}
