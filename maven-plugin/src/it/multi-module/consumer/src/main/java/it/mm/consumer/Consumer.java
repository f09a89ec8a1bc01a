package it.mm.consumer;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;
import it.mm.source.Source;

public class Consumer {
    @Async
    public Future<String> both() {
        Source source = new Source();
        String a = await(source.fetch("a"));
        String b = await(source.fetch("b"));
        return Future.completed(a + ", " + b);
    }
}
