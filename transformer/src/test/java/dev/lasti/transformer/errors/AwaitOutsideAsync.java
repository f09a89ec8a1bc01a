package dev.lasti.transformer.errors;

import static dev.lasti.Await.await;

import dev.lasti.Future;
import java.util.function.Supplier;

/** Build-error fixture: awaits where nothing can suspend. Line numbers are asserted by ErrorsTest. */
public class AwaitOutsideAsync {
    String plain(Future<String> f) {
        return await(f); // line 11
    }

    Supplier<String> lambda(Future<String> f) {
        return () -> await(f); // line 15
    }

    String typed(Future<String> f) throws java.io.IOException {
        return await(f, java.io.IOException.class); // line 19
    }
}
