package dev.lasti.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.EventLoopGroup;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task is confined to its loop (see {@code Future}'s "Confinement"): a task of another loop that awaits
 * it, and a thread that joins it, hand their registrations to its loop, and each is still woken where it
 * belongs.
 */
@Timeout(60)
class CrossLoopTaskTest {
    @Test
    void aTaskAwaitingATaskOfAnotherLoop_resumesOnItsOwn_andAJoinFromAThirdThreadIsWokenToo() throws Exception {
        try (EventLoopGroup group = EventLoopGroup.start(2)) {
            EventLoop a = group.loops().get(0);
            EventLoop b = group.loops().get(1);
            Promise<Integer> gate = new Promise<>();
            CompletableFuture<Future<Integer>> taskOfA = new CompletableFuture<>();
            a.submit(() -> {
                taskOfA.complete(Chain.link(gate)); // suspends on the gate: a frame of loop A
                return Future.completed(null);
            }).join();
            Future<Integer> awaited = taskOfA.get(10, TimeUnit.SECONDS);
            assertFalse(awaited.isDone(), "the task of A waits for its gate");

            AtomicReference<Thread> bResumedOn = new AtomicReference<>();
            AtomicReference<Thread> bThread = new AtomicReference<>();
            Future<Integer> viaB = b.submit(() -> {
                bThread.set(Thread.currentThread());
                Future<Integer> taskOfB = Chain.link(awaited); // registers on A's task from B's thread
                taskOfB.whenDone(f -> bResumedOn.set(Thread.currentThread()));
                return taskOfB;
            });
            CompletableFuture<Integer> joined = CompletableFuture.supplyAsync(awaited::join); // a third thread
            gate.complete(40); // from the test thread: A's task resumes on A, then B's on B

            assertEquals(42, viaB.join());
            assertEquals(41, joined.get(10, TimeUnit.SECONDS));
            assertSame(bThread.get(), bResumedOn.get(), "B's task completed on B's loop thread");
            assertTrue(awaited.isDone());
        }
    }
}
