package dev.lasti.samples.structured;

import static dev.lasti.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.TaskGroup;
import dev.lasti.TaskHook;
import dev.lasti.TaskLocal;
import dev.lasti.junit.AsyncTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task-local values: each task keeps its own across awaits, children get a copy, and a hook bridges them. */
class TaskLocalTest {
    static final TaskLocal<String> USER = TaskLocal.named("user");
    static final ThreadLocal<String> THREAD_USER = new ThreadLocal<>();

    private final List<String> seen = new ArrayList<>();

    @Async
    Future<Void> request(String user, long ms) {
        USER.set(user);
        THREAD_USER.set(user);
        await(EventLoop.sleep(Duration.ofMillis(ms)));
        seen.add(user + " sees task-local " + USER.get() + ", thread-local " + THREAD_USER.get());
        return Future.completed(null);
    }

    @Async
    Future<Void> twoRequests(TaskGroup group) {
        group.start(() -> request("alice", 200));
        group.start(() -> request("bob", 100));
        return Future.completed(null);
    }

    /** The bug a ThreadLocal has on a loop thread ("alice sees bob"), and the task-local that fixes it. */
    @AsyncTest
    @Async
    Future<Void> interleavedTasks_eachSeeTheirOwnTaskLocal_whileAThreadLocalLeaks() {
        await(TaskGroup.run(this::twoRequests));
        assertEquals(List.of("bob sees task-local bob, thread-local bob",
                "alice sees task-local alice, thread-local bob"), seen);
        THREAD_USER.remove();
        return Future.completed(null);
    }

    @Async
    Future<String> childSets(String value) {
        USER.set(value + " before the await");
        await(EventLoop.yieldNow());
        USER.set(value + " after the await");
        return Future.completed(USER.get());
    }

    @Async
    Future<Void> parentAndChild(TaskGroup group) {
        USER.set("parent");
        Future<String> child = group.start(() -> childSets("child"));
        assertEquals("parent", USER.get(), "the child's set before its first await did not leak");
        assertEquals("child after the await", await(child));
        assertEquals("parent", USER.get(), "nor did its set after the await");
        return Future.completed(null);
    }

    @AsyncTest
    @Async
    Future<Void> aChildStartsWithACopy_andItsChangesStayItsOwn() {
        await(TaskGroup.run(this::parentAndChild));
        return Future.completed(null);
    }

    @Async
    Future<String> readAfterAwait() {
        await(EventLoop.sleep(Duration.ofMillis(10)));
        return Future.completed(USER.get());
    }

    @AsyncTest
    @Async
    Future<Void> with_bindsForTheBodysWholeLife_andRestoresTheCallersValue() {
        USER.set("outer");
        Future<String> inside = USER.with("inner", this::readAfterAwait);
        assertEquals("outer", USER.get(), "restored as soon as with returns");
        assertEquals("inner", await(inside), "the body still had its binding after its await");
        assertEquals("outer", USER.get());
        USER.set(null);
        assertNull(USER.get(), "set(null) removes the value");
        return Future.completed(null);
    }

    /** The loop's very first task-local change, made in a resumed step, belongs to that task alone. */
    @AsyncTest
    @Async
    Future<Void> theLoopsFirstSet_inAResumedStep_staysWithItsTask() {
        await(EventLoop.yieldNow());
        Future<String> other = readAfterAwait(); // suspended before any value exists
        USER.set("mine");
        await(EventLoop.sleep(Duration.ofMillis(20)));
        assertEquals("mine", USER.get());
        assertNull(await(other), "the other task never had a value");
        return Future.completed(null);
    }

    @Test
    void offTheLoop_getIsEmpty_andSetIsAClearError() {
        assertNull(USER.get());
        assertEquals("nobody", USER.orElse("nobody"));
        assertThrows(IllegalStateException.class, () -> USER.set("x"));
    }

    /** A bridge in the manner of SLF4J's MDC: the hook copies the task-local into a ThreadLocal. */
    @Test
    void theHookCarriesEachTasksValueIntoAThreadLocal_atEveryResume() {
        ThreadLocal<String> mdc = new ThreadLocal<>();
        List<String> hookCalls = new ArrayList<>();
        TaskHook bridge = new TaskHook() {
            @Override
            public void resumed() {
                mdc.set(USER.get());
                hookCalls.add("resumed " + USER.get());
            }

            @Override
            public void suspended() {
                hookCalls.add("suspended " + mdc.get());
                mdc.remove();
            }
        };
        List<String> logged = new ArrayList<>();
        EventLoop.builder().taskHook(bridge).build().runUntilComplete(
                () -> TaskGroup.run(group -> {
                    group.start(() -> USER.with("alice", () -> logTwice(mdc, logged, 200)));
                    group.start(() -> USER.with("bob", () -> logTwice(mdc, logged, 100)));
                    return Future.completed(null);
                }));
        assertEquals(List.of("start alice", "start bob", "after sleep bob", "after sleep alice"), logged);
        assertEquals(true, hookCalls.contains("resumed alice") && hookCalls.contains("suspended bob"), hookCalls.toString());
    }

    @Async
    static Future<Void> logTwice(ThreadLocal<String> mdc, List<String> logged, long ms) {
        logged.add("start " + mdc.get());
        await(EventLoop.sleep(Duration.ofMillis(ms)));
        logged.add("after sleep " + mdc.get());
        return Future.completed(null);
    }
}
