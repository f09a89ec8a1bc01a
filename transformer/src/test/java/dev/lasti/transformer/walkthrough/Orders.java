package dev.lasti.transformer.walkthrough;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/** The sample of docs/bytecode-walkthrough.md: a local and a non-empty stack across one await. */
public class Orders {
    @Async
    public Future<String> fetch(String id) {
        int attempts = 1;
        String line = "order " + id + ": " + await(load(id));
        return Future.completed(line + " (" + attempts + " attempt)");
    }

    Future<String> load(String id) {
        return Future.completed("shipped");
    }
}
