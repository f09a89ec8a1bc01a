package dev.lasti.bench.micro;

import dev.lasti.EventLoop;
import dev.lasti.Promise;
import dev.lasti.bench.VirtualThreads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * (b) The one-thread cost of one suspend + resume round trip: a task that yields {@link #N} times, against a
 * hand-written state machine and a virtual thread on one carrier. Each invocation creates its loop (or
 * thread), amortised over {@link #N} round trips. Target: at most 10 ns, under 0.06x a virtual thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// One carrier, so the virtual thread's round trip is a park/unpark on one thread like the others.
@Fork(jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class SuspendResumeBench {
    /** Round trips per invocation. */
    static final int N = 100_000;

    @Benchmark
    @OperationsPerInvocation(N)
    public int lastiYield() {
        return EventLoop.run(() -> Bodies.yieldLoop(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int handwrittenPeer() {
        return Handwritten.yieldLoop(N);
    }

    /**
     * Reference, not a peer: one callback that queues itself again {@link #N} times, so each loop iteration
     * runs one callback and nothing else. What is left of {@link #lastiYield} above this is the future and
     * the frame; what this costs above {@link #handwrittenPeer} is the loop's own iteration.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loopIterationReference() {
        return EventLoop.run(() -> {
            EventLoop loop = EventLoop.current();
            Promise<Integer> done = new Promise<>();
            loop.execute(new Runnable() {
                private int i;

                @Override
                public void run() {
                    if (++i < N) {
                        loop.execute(this);
                    } else {
                        done.complete(i);
                    }
                }
            });
            return done;
        });
    }

    /** {@code Thread.yield()} in a virtual thread parks it and resubmits it to its (single) carrier. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int virtualThreadPeer() throws InterruptedException {
        if (!VirtualThreads.available()) {
            throw new UnsupportedOperationException("skipped: " + VirtualThreads.skipMessage());
        }
        int[] sum = new int[1];
        Thread t = VirtualThreads.start(() -> {
            int s = 0;
            for (int i = 0; i < N; i++) {
                Thread.yield();
                s += i;
            }
            sum[0] = s;
        });
        t.join();
        return sum[0];
    }
}
