package dev.lasti.samples;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Async stack traces and the task tree, on code the plugin really transformed (the lines are asserted). */
class ObservabilityTest {
    private static final String OBSERVE = "dev.lasti.samples.Observe";
    private static final String SELF = "dev.lasti.samples.ObservabilityTest";

    /** The marked elements of a trace, as "Class.method:line". */
    private static List<String> asyncElements(Throwable t) {
        return Arrays.stream(t.getStackTrace())
                .filter(e -> "async".equals(e.getModuleName()))
                .map(e -> e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber())
                .collect(Collectors.toList());
    }

    /** "ObservabilityTest.m:LINE" for the line of this file marked {@code // @line m}. */
    static String at(String method) {
        return SELF + "." + method + ":" + lineOf("ObservabilityTest", method);
    }

    /** "Observe.m:LINE" for the line of the sample marked {@code // @line m}. */
    static String inSample(String method) {
        return OBSERVE + "." + method + ":" + lineOf("Observe", method);
    }

    /** The line of {@code src/{main,test}/java/dev/lasti/samples/<file>.java} that ends in {@code // @line m}. */
    static int lineOf(String file, String method) {
        String dir = file.equals("Observe") ? "main" : "test";
        try {
            List<String> lines = Files.readAllLines(Path.of("src/" + dir + "/java/dev/lasti/samples/" + file + ".java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// @line " + method)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no line marked " + method + " in " + file);
    }

    @Test
    void threeDeepChain_showsEachAwaitingMethodAtItsAwaitLine_afterTheThrowingLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EventLoop.run(() -> Observe.entry(3)));
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals(inSample("level3"), top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber(),
                "the throwing line comes first, under the user's method name (no $resume)");
        assertEquals(List.of(inSample("level2"), inSample("level1"), inSample("entry")),
                asyncElements(e));
        assertEquals("async/" + OBSERVE + ".level2(Observe.java:" + lineOf("Observe", "level2") + ")",
                e.getStackTrace()[1].toString(),
                "the async chain follows the user's frames, before lasti's dispatch frames");
        String printed = Observe.failingChain();
        assertTrue(printed.contains("\tat " + OBSERVE + ".level3(Observe.java:" + lineOf("Observe", "level3") + ")\n"),
                printed); // printed as the JVM prints the thrower's own frames
        assertTrue(printed.contains("\tat async/" + OBSERVE + ".level1(Observe.java:" + lineOf("Observe", "level1")
                + ")\n"), printed);
    }

    @Test
    void aFailureDeliveredUpTheChain_isRewrittenOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EventLoop.run(() -> Observe.entry(3)));
        assertEquals(3, asyncElements(e).size(), "each task it passed through must not append again");
    }

    @Async
    static Future<String> awaitStage(CompletableFuture<String> stage) {
        String v = await(stage); // @line awaitStage
        return Future.completed(v);
    }

    @Async
    static Future<String> callsStage(CompletableFuture<String> stage) {
        String v = await(awaitStage(stage)); // @line callsStage
        return Future.completed(v);
    }

    @Test
    void failureFromACompletionStage_completedOnAnotherThread_showsTheAwaitingTasks() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventLoop.run(() -> {
            Future<String> task = callsStage(stage); // suspended on the stage when this returns
            // Fail it on another thread, started once the task is suspended for sure. Waiting for the stage's
            // first dependent was not enough: Future.from adds it before the task registers its wake-up, so
            // a fast thread could fail the stage in between, and the await then took the fast path.
            EventLoop.current().execute(() -> new Thread(
                    () -> stage.completeExceptionally(new IllegalArgumentException("http said no"))).start());
            return task;
        }));
        assertEquals(List.of(at("awaitStage"), at("callsStage")), asyncElements(e));
    }

    @Async
    static Future<Integer> gathers() {
        List<Integer> vs = await(Future.all(List.of(Observe.level3(1), Observe.level3(5)))); // @line gathers
        return Future.completed(vs.size());
    }

    @Async
    static Future<Integer> callsGathers() {
        int n = await(gathers()); // @line callsGathers
        return Future.completed(n);
    }

    @Test
    void failureThroughFutureAll_showsTheTaskThatAwaitsTheCombinedFuture() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EventLoop.run(ObservabilityTest::callsGathers));
        assertEquals(List.of(at("gathers"), at("callsGathers")), asyncElements(e));
    }

    @Async
    static Future<Integer> awaitsBlockingWork() {
        int v = await(EventLoop.blocking(() -> { // @line awaitsBlockingWork
            throw new java.io.IOException("disk on fire");
        }));
        return Future.completed(v);
    }

    @Test
    void failureFromEventLoopBlocking_showsTheAwaitingTask_afterTheWorkersFrames() {
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> EventLoop.run(ObservabilityTest::awaitsBlockingWork));
        assertEquals(List.of(at("awaitsBlockingWork")), asyncElements(e));
    }

    @Async
    static Future<Integer> timesOut() {
        int v = await(Observe.napper(java.time.Duration.ofSeconds(5)).withTimeout(java.time.Duration.ofMillis(10))); // @line timesOut
        return Future.completed(v);
    }

    @Async
    static Future<Integer> awaitsTimesOut() {
        int v = await(timesOut()); // @line awaitsTimesOut
        return Future.completed(v);
    }

    @Test
    void aTimeoutFromWithTimeout_showsTheChainOfTasksThatAwaitedIt() {
        java.util.concurrent.TimeoutException e = assertThrows(java.util.concurrent.TimeoutException.class,
                () -> EventLoop.run(ObservabilityTest::awaitsTimesOut));
        assertEquals(List.of(at("timesOut"), at("awaitsTimesOut")), asyncElements(e));
    }

    @Test
    void aStacklessSharedException_isNeverModified() {
        RuntimeException shared = new RuntimeException("shared", null, false, false) {};
        for (int i = 0; i < 3; i++) {
            CompletableFuture<String> pending = new CompletableFuture<>();
            RuntimeException e = assertThrows(RuntimeException.class, () -> EventLoop.run(() -> {
                EventLoop.current().execute(() -> pending.completeExceptionally(shared));
                return callsStage(pending);
            }));
            assertEquals(shared, e);
        }
        assertEquals(0, shared.getStackTrace().length);
    }
}
