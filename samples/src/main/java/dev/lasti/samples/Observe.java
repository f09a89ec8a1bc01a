package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/**
 * Not a seed row: seeing inside a running program. A failure three awaits deep prints the whole logical
 * call chain (the async stack trace), and the live tasks of a loop print as a tree of who awaits whom.
 * The line numbers below are asserted by ObservabilityTest: keep them in place.
 */
public final class Observe {
    private Observe() {}

    /** The entry task: awaits level1. */
    @Async
    static Future<Integer> entry(int x) {
        int v = await(level1(x)); // line 23: the await the entry task is suspended at
        return Future.completed(v);
    }

    @Async
    static Future<Integer> level1(int x) {
        int v = await(level2(x)); // line 29
        return Future.completed(v + 1);
    }

    @Async
    static Future<Integer> level2(int x) {
        int v = await(level3(x)); // line 35
        return Future.completed(v + 1);
    }

    @Async
    static Future<Integer> level3(int x) {
        await(EventLoop.sleep(Duration.ofMillis(1)));
        if (x > 2) {
            throw new IllegalStateException("deep failure x=" + x); // line 43
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

    /** What the tour prints. */
    public static String run() {
        return "an async stack trace, three awaits deep:\n" + failingChain();
    }
}
