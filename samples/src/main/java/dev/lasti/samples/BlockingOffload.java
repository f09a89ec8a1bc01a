package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.List;

/**
 * S7 (seed 002): long blocking work goes to a worker thread ({@link EventLoop#blocking}); its result comes
 * back into the coroutine, which resumes on the loop thread. Meanwhile the loop keeps serving others.
 * Seed 002 hands {@code long_io} to a thread and {@code send}s its result back into the generator:
 *
 * <pre>
 * def long_io():
 *     time.sleep(5)
 *     yield "io result"
 *
 * &#64;gen_coroutine
 * def req_a():
 *     ret = yield long_io()        # gen_coroutine runs long_io on thread.start_new_thread
 * </pre>
 *
 * Seed 004's {@code yield thread_pool.submit(blocking_func, args)} is the same idea with a bounded pool,
 * which is what {@link EventLoop#blocking} is.
 */
public final class BlockingOffload {
    private BlockingOffload() {}

    /** Blocks a worker for {@code millis}, then returns which threads did what. */
    @Async
    static Future<String> slowRead(String name, long millis) {
        String worker = await(EventLoop.blocking(() -> {
            Thread.sleep(millis); // stands for a blocking file or database call
            return Thread.currentThread().getName();
        }));
        return Future.completed(name + " read on " + worker + ", resumed on " + Thread.currentThread().getName());
    }

    /** A task that ticks on the loop while the workers block, proving the loop is free. */
    @Async
    static Future<Integer> ticker(int ticks, Duration every) {
        int count = 0;
        for (int i = 0; i < ticks; i++) {
            await(EventLoop.sleep(every));
            count++;
        }
        return Future.completed(count);
    }

    @Async
    static Future<String> demo() {
        long start = System.nanoTime();
        Future<Integer> ticks = ticker(5, Duration.ofMillis(50));
        List<String> reads = await(Future.all(List.of(slowRead("a", 400), slowRead("b", 400))));
        int ticked = await(ticks);
        double seconds = (System.nanoTime() - start) / 1e9;
        return Future.completed(String.format("%s; %s; the loop ticked %d times meanwhile; %.2f s in all",
                reads.get(0), reads.get(1), ticked, seconds));
    }

    /** Runs the demo on a fresh loop. */
    public static String run() {
        return EventLoop.run(BlockingOffload::demo);
    }
}
