package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TaskSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Not a seed row: seeing inside a running program. A failure three awaits deep prints the whole logical
 * call chain (the async stack trace), and the live tasks of a loop print as a tree of who awaits whom.
 * ObservabilityTest asserts the lines marked {@code // @line}.
 */
public final class Observe {
    private Observe() {}

    /** The entry task: awaits level1. */
    @Async
    static Future<Integer> entry(int x) {
        int v = await(level1(x)); // @line entry
        return Future.completed(v);
    }

    @Async
    static Future<Integer> level1(int x) {
        int v = await(level2(x)); // @line level1
        return Future.completed(v + 1);
    }

    @Async
    static Future<Integer> level2(int x) {
        int v = await(level3(x)); // @line level2
        return Future.completed(v + 1);
    }

    @Async
    static Future<Integer> level3(int x) {
        await(EventLoop.sleep(Duration.ofMillis(1)));
        if (x > 2) {
            throw new IllegalStateException("deep failure x=" + x); // @line level3
        }
        return Future.completed(x);
    }

    /** Runs the failing chain and returns its printed stack trace. */
    static String failingChain() {
        try {
            EventLoop.run(() -> entry(3));
            return "no failure?";
        } catch (IllegalStateException e) {
            StringWriter out = new StringWriter();
            e.printStackTrace(new PrintWriter(out));
            return out.toString();
        }
    }

    /** Sleeps; the task tree shows it with the time left. */
    @Async
    static Future<Integer> napper(Duration d) {
        await(EventLoop.sleep(d)); // @line napper
        return Future.completed(1);
    }

    /** Waits for a promise that nobody completes. */
    @Async
    static Future<Integer> waiter(Promise<Integer> p) {
        int v = await(p); // @line waiter
        return Future.completed(v);
    }

    /** Awaits both through Future.all: the tree puts them under it. */
    @Async
    static Future<Integer> supervisor(Promise<Integer> p) {
        List<Integer> vs = await(Future.all(List.of(napper(Duration.ofSeconds(5)), waiter(p)))); // @line supervisor
        return Future.completed(vs.size());
    }

    /** Starts a supervisor, takes the loop's task snapshot while it waits, then cancels it. */
    @Async
    static Future<TaskSnapshot> snapshotOfASupervisor() {
        Future<Integer> sup = supervisor(new Promise<>());
        TaskSnapshot snapshot = EventLoop.current().taskSnapshot(Duration.ofSeconds(1));
        sup.cancel();
        try {
            await(sup);
        } catch (CancellationException expected) {
            // the supervisor, its napper and its waiter unwound
        }
        return Future.completed(snapshot);
    }

    /** What the tour prints. */
    public static String run() {
        return "an async stack trace, three awaits deep:\n" + failingChain()
                + "the task tree of a supervisor and two tasks it awaits:\n"
                + EventLoop.run(Observe::snapshotOfASupervisor).format();
    }
}
