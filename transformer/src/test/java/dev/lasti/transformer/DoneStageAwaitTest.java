package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * {@code await} on a {@code CompletionStage} that is already done takes the outcome from the stage: no
 * {@code Future} wrapper is allocated, and the value, the unwrapped failure and the cancellation are what the
 * slow path gives.
 */
class DoneStageAwaitTest {
    private static final String SOURCE = """
            package t;
            import static dev.lasti.Await.await;
            import dev.lasti.*;
            import java.util.concurrent.CompletionStage;
            public final class Stages {
                @Async public static Future<Long> sum(CompletionStage<Long> stage, int times) {
                    long total = 0;
                    for (int i = 0; i < times; i++) {
                        total += await(stage);
                    }
                    return Future.completed(total);
                }
                @Async public static Future<String> describe(CompletionStage<String> stage) {
                    try {
                        return Future.completed("value " + await(stage));
                    } catch (Exception e) {
                        return Future.completed(e.getClass().getSimpleName() + " " + e.getMessage());
                    }
                }
                // No CHECKCAST after the await: javac's join frame sits right after the call.
                @Async public static Future<Object> pick(boolean constant, CompletionStage<Object> stage) {
                    Object picked = constant ? (Object) "constant" : await(stage);
                    return Future.completed(picked);
                }
            }
            """;
    private static final TransformingClassLoader LOADER =
            TransformingClassLoader.transformAll(InMemoryCompiler.compile(Map.of("t.Stages", SOURCE)));

    private static Object call(String name, Object... args) throws Exception {
        for (Method m : LOADER.loadClass("t.Stages").getMethods()) {
            if (m.getName().equals(name)) {
                return ((Future<?>) m.invoke(null, args)).resultNow();
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void hundredThousandAwaitsOnADoneCompletableFuture_allocateNothingPerAwait() throws Exception {
        CompletableFuture<Long> done = CompletableFuture.completedFuture(3L);
        call("sum", done, 100_000); // loads and links everything first
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        Object total = call("sum", done, 100_000);
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(300_000L, total);
        // A wrapper per await would be several MB; the call itself (its Future, the boxed total) is bytes.
        assertTrue(allocated < 100_000, allocated + " bytes for 100,000 awaits");
    }

    @Test
    void aDoneStageGivesTheSameOutcomeAsThePendingPath() throws Exception {
        assertEquals("value v", call("describe", CompletableFuture.completedFuture("v")));
        assertEquals("value v", call("describe", CompletableFuture.completedFuture("v").minimalCompletionStage()));
        assertEquals("IllegalStateException bad", call("describe", CompletableFuture.failedFuture(
                new IllegalStateException("bad"))));
        assertEquals("IllegalStateException wrapped", call("describe", CompletableFuture.failedFuture(
                new CompletionException(new IllegalStateException("wrapped")))));
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        Object outcome = call("describe", cancelled);
        assertTrue(((String) outcome).startsWith(CancellationException.class.getSimpleName()), outcome.toString());
    }

    @Test
    void anAwaitRightBeforeAJoinOfBranches_verifiesAndRuns() throws Exception {
        assertEquals("constant", call("pick", true, CompletableFuture.completedFuture("s")));
        assertEquals("s", call("pick", false, CompletableFuture.completedFuture("s")));
    }

    @Test
    void aDoneStageWithoutACompletableFuture_takesThePendingPath() throws Exception {
        assertEquals("value o", call("describe", opaque(CompletableFuture.completedFuture("o"))));
    }

    /** A stage that, as the interface allows, has no {@code CompletableFuture} to give. */
    @SuppressWarnings("unchecked")
    private static CompletionStage<String> opaque(CompletableFuture<String> backing) {
        return (CompletionStage<String>) Proxy.newProxyInstance(DoneStageAwaitTest.class.getClassLoader(),
                new Class<?>[] {CompletionStage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toCompletableFuture")) {
                        throw new UnsupportedOperationException("opaque");
                    }
                    try {
                        return method.invoke(backing, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
