package it.misuse;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

public class WrongReturn {
    @Async
    public String name() {
        return await(Future.completed("x"));
    }
}
