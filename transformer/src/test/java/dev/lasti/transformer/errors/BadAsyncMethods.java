package dev.lasti.transformer.errors;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.Future;

/** Build-error fixture: @Async where it cannot apply. */
public abstract class BadAsyncMethods {
    @Async
    abstract Future<String> abstractMethod();

    @Async
    native Future<String> nativeMethod();

    @Async
    java.util.concurrent.Future<String> jdkFuture(Future<String> f) {
        await(f); // line 18
        return null;
    }

    @Async
    String notAFuture(Future<String> f) {
        return await(f); // line 24
    }
}
