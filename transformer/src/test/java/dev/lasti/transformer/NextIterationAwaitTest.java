package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.TaskSnapshot;
import dev.lasti.Waiting;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code await(EventLoop.yieldNow())} suspends on the runtime's shared mark instead of a fresh future (the
 * {@code NextIterationAwaits} pass). Each scenario runs twice, once with the yield awaited directly (rewritten)
 * and once with it stored in a local first (left alone, a real {@code NextIteration}): the two must give the
 * same order of events, the same cancellations and the same exceptions, and only the first may skip the
 * allocation.
 */
class NextIterationAwaitTest {
    private static final String SOURCE = """
            package t;
            import static dev.lasti.Await.await;
            import dev.lasti.*;
            import java.util.*;
            import java.util.concurrent.CancellationException;
            public final class Yields {
                @Async static Future<Void> pause(boolean direct) {
                    if (direct) {
                        await(EventLoop.yieldNow());
                    } else {
                        Future<Void> y = EventLoop.yieldNow();
                        await(y);
                    }
                    return Future.completed(null);
                }
                @Async static Future<Integer> direct(List<String> log, String name, int n) {
                    for (int i = 0; i < n; i++) {
                        log.add(name + i);
                        await(EventLoop.yieldNow());
                    }
                    return Future.completed(n);
                }
                @Async static Future<Integer> stored(List<String> log, String name, int n) {
                    for (int i = 0; i < n; i++) {
                        log.add(name + i);
                        Future<Void> y = EventLoop.yieldNow();
                        await(y);
                    }
                    return Future.completed(n);
                }
                static Future<Integer> worker(boolean direct, List<String> log, String name, int n) {
                    return direct ? direct(log, name, n) : stored(log, name, n);
                }
                /** Two yielding tasks, plain callbacks queued between them, and a timer of zero. */
                @Async public static Future<List<String>> interleave(boolean direct) {
                    List<String> log = new ArrayList<>();
                    EventLoop loop = EventLoop.current();
                    Future<Integer> a = worker(direct, log, "a", 4);
                    loop.execute(() -> log.add("cb1"));
                    Future<Integer> b = worker(direct, log, "b", 3);
                    loop.execute(() -> log.add("cb2"));
                    EventLoop.sleep(java.time.Duration.ZERO).whenDone(f -> log.add("timer"));
                    log.add("main");
                    log.add("a=" + await(a) + " b=" + await(b));
                    return Future.completed(log);
                }
                /** A child cancelled by its parent while it yields: where it gets the exception, what runs after. */
                @Async static Future<Void> child(boolean direct, List<String> log) {
                    int i = 0;
                    try {
                        for (; i < 10; i++) {
                            log.add("child " + i);
                            await(pause(direct));
                            if (direct) { await(EventLoop.yieldNow()); } else { Future<Void> y = EventLoop.yieldNow(); await(y); }
                        }
                    } catch (CancellationException e) {
                        log.add("cancelled after " + i + ": " + e.getMessage());
                        throw e;
                    } finally {
                        log.add("finally");
                    }
                    return Future.completed(null);
                }
                @Async public static Future<List<String>> cancelWhileYielding(boolean direct, int parentYields) {
                    List<String> log = new ArrayList<>();
                    Future<Void> c = child(direct, log);
                    for (int i = 0; i < parentYields; i++) {
                        await(EventLoop.yieldNow());
                    }
                    log.add("cancel: " + c.cancel());
                    try {
                        await(c);
                        log.add("child finished");
                    } catch (CancellationException e) {
                        log.add("parent saw " + e.getMessage() + ", child cancelled=" + c.isCancelled());
                    }
                    return Future.completed(log);
                }
                /** A task that requests its own cancellation, then yields: the yield is where it lands. */
                @Async public static Future<String> selfCancelThenYield(boolean direct, Future<?>[] self) {
                    try {
                        if (direct) { await(EventLoop.yieldNow()); } else { Future<Void> y = EventLoop.yieldNow(); await(y); }
                        self[0].cancel();
                        if (direct) { await(EventLoop.yieldNow()); } else { Future<Void> y = EventLoop.yieldNow(); await(y); }
                        return Future.completed("not cancelled");
                    } catch (CancellationException e) {
                        return Future.completed("cancelled: " + e.getMessage());
                    }
                }
                /** A cancellation that missed an await (its future was already done) lands at the next one, a yield. */
                @Async static Future<Void> victim(boolean direct, Promise<String> p, List<String> log) {
                    try {
                        log.add("got " + await(p));
                        EventLoop.current().execute(() -> log.add("callback queued before the yield"));
                        if (direct) { await(EventLoop.yieldNow()); } else { Future<Void> y = EventLoop.yieldNow(); await(y); }
                        log.add("after the yield");
                    } catch (CancellationException e) {
                        log.add("cancelled at the yield");
                        throw e;
                    }
                    return Future.completed(null);
                }
                @Async public static Future<List<String>> cancelPendingAtTheYield(boolean direct) {
                    List<String> log = new ArrayList<>();
                    Promise<String> p = new Promise<>();
                    Future<Void> v = victim(direct, p, log);
                    v.cancel(); // delivered before the wake-up below, when p is already done
                    p.complete("x");
                    try {
                        await(v);
                    } catch (CancellationException e) {
                        log.add("victim cancelled");
                    }
                    return Future.completed(log);
                }
                /** On a thread that runs no loop, the yield throws at its own line, inside the try. */
                @Async public static Future<String> noLoop(boolean direct) {
                    try {
                        if (direct) { await(EventLoop.yieldNow()); } else { Future<Void> y = EventLoop.yieldNow(); await(y); }
                        return Future.completed("yielded");
                    } catch (IllegalStateException e) {
                        return Future.completed("caught: " + e.getMessage().startsWith("no lasti event loop"));
                    }
                }
                @Async public static Future<Integer> manyYields(int n) {
                    int sum = 0;
                    for (int i = 0; i < n; i++) {
                        await(EventLoop.yieldNow());
                        sum += i;
                    }
                    return Future.completed(sum);
                }
                @Async public static Future<Integer> manyStoredYields(int n) {
                    int sum = 0;
                    for (int i = 0; i < n; i++) {
                        Future<Void> y = EventLoop.yieldNow();
                        await(y);
                        sum += i;
                    }
                    return Future.completed(sum);
                }
                @Async public static Future<Object> snapshotOfAYieldingTask() {
                    Future<Integer> w = manyYields(Integer.MAX_VALUE);
                    await(EventLoop.yieldNow());
                    await(EventLoop.yieldNow());
                    TaskSnapshot first = EventLoop.current().taskSnapshot(java.time.Duration.ofSeconds(5));
                    await(EventLoop.sleep(java.time.Duration.ofMillis(30)));
                    TaskSnapshot later = EventLoop.current().taskSnapshot(java.time.Duration.ofSeconds(5));
                    w.cancel();
                    return Future.completed(List.of(first, later));
                }
            }
            """;
    private static final TransformingClassLoader LOADER =
            TransformingClassLoader.transformAll(InMemoryCompiler.compile(Map.of("t.Yields", SOURCE)));

    private static Method method(String name) throws Exception {
        for (Method m : LOADER.loadClass("t.Yields").getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @SuppressWarnings("unchecked")
    private static <T> T onLoop(String name, Object... args) throws Exception {
        Method m = method(name);
        return (T) EventLoop.run(() -> {
            try {
                return (Future<Object>) m.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void onlyAYieldAwaitedAtOnceIsRewritten() {
        ClassNode yields = new ClassNode();
        new ClassReader(LOADER.bytes("t/Yields")).accept(yields, 0);
        assertEquals(List.of("nextIteration"), yieldCalls(yields, "direct"));
        assertEquals(List.of("yieldMark"), yieldCalls(yields, "direct$resume"), "the frame's own, in the resume method");
        assertEquals(List.of("yieldNow"), yieldCalls(yields, "stored"), "stored in a local: left alone");
        assertEquals(List.of("yieldNow"), yieldCalls(yields, "stored$resume"));
        assertEquals(List.of("nextIteration", "yieldNow"), yieldCalls(yields, "pause"));
    }

    /** The yield calls of the method {@code name}, in code order. */
    private static List<String> yieldCalls(ClassNode owner, String name) {
        List<String> calls = new ArrayList<>();
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name)) {
                for (var insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && List.of("yieldNow", "nextIteration", "yieldMark")
                            .contains(call.name)) {
                        calls.add(call.name);
                    }
                }
            }
        }
        return calls;
    }

    @Test
    void yieldingTasksInterleaveWithCallbacksAndTimers_exactlyAsWithARealYield() throws Exception {
        List<String> rewritten = onLoop("interleave", true);
        List<String> real = onLoop("interleave", false);
        assertEquals(real, rewritten);
        // each task yields after each entry, so the two alternate, behind what was queued before them
        assertEquals(List.of("a0", "b0", "main", "a1", "cb1", "b1", "cb2"), rewritten.subList(0, 7), rewritten::toString);
        assertTrue(rewritten.contains("timer"), rewritten::toString);
        assertEquals("a=4 b=3", rewritten.get(rewritten.size() - 1));
    }

    @Test
    void aTaskCancelledWhileItYields_unwindsAsWithARealYield() throws Exception {
        for (int parentYields = 0; parentYields <= 4; parentYields++) {
            List<String> rewritten = onLoop("cancelWhileYielding", true, parentYields);
            List<String> real = onLoop("cancelWhileYielding", false, parentYields);
            assertEquals(real, rewritten, "after " + parentYields + " parent yields");
            assertTrue(rewritten.contains("finally"), rewritten::toString);
            assertTrue(rewritten.stream().anyMatch(s -> s.startsWith("cancelled after ")), rewritten::toString);
            assertTrue(rewritten.get(rewritten.size() - 1).endsWith("child cancelled=true"), rewritten::toString);
        }
    }

    @Test
    void aCancellationRequestedBeforeTheYield_landsAtTheYield() throws Exception {
        Method m = method("selfCancelThenYield");
        for (boolean direct : new boolean[] {true, false}) {
            Future<?>[] self = new Future<?>[1];
            Object got = EventLoop.run(() -> {
                try {
                    @SuppressWarnings("unchecked")
                    Future<String> task = (Future<String>) m.invoke(null, direct, self);
                    self[0] = task; // before its first yield ends
                    return task;
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals("cancelled: task cancelled", got, "direct=" + direct);
        }
    }

    @Test
    void aCancellationThatMissedAnAwait_isDeliveredAtTheYieldAtOnce() throws Exception {
        List<String> rewritten = onLoop("cancelPendingAtTheYield", true);
        assertEquals(onLoop("cancelPendingAtTheYield", false), rewritten);
        assertEquals(List.of("got x", "cancelled at the yield", "callback queued before the yield", "victim cancelled"),
                rewritten);
    }

    @Test
    void onAThreadWithoutALoop_theYieldThrowsInsideTheUsersTry() throws Exception {
        for (boolean direct : new boolean[] {true, false}) {
            Future<?> f = (Future<?>) method("noLoop").invoke(null, direct);
            assertEquals("caught: true", f.resultNow(), "direct=" + direct);
        }
    }

    @Test
    void aRewrittenYieldAllocatesNothing_whereARealOneAllocatesItsFuture() throws Exception {
        long rewritten = fewestBytes("manyYields");
        long real = fewestBytes("manyStoredYields");
        // 100,000 NextIterations are 2.4 MB; the loop and the task themselves a few kB. The fewest of
        // several runs, because code not yet compiled by C2 allocates an iterator per loop iteration.
        assertTrue(real > 2_000_000, real + " bytes for 100,000 yields stored in a local");
        assertTrue(rewritten < 100_000, rewritten + " bytes for 100,000 yields awaited at once");
    }

    private static long fewestBytes(String method) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 10; run++) {
            long before = threads.getThreadAllocatedBytes(id);
            int sum = onLoop(method, 100_000);
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(id) - before);
            assertEquals(100_000 * 99_999 / 2, sum);
        }
        return fewest;
    }

    @Test
    void aSnapshotShowsAYieldingTaskAtTheNextIteration_neverAsStuck() throws Exception {
        List<TaskSnapshot> snapshots = onLoop("snapshotOfAYieldingTask");
        for (TaskSnapshot s : snapshots) {
            var worker = s.tasks().stream().filter(t -> t.method().equals("manyYields")).findFirst().orElseThrow();
            assertEquals(new Waiting.NextIteration(), worker.waitingFor(), s::format);
            assertEquals(Duration.ZERO, worker.seenWaiting(), s::format);
        }
    }
}
