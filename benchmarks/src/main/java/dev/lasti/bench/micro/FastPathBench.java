package dev.lasti.bench.micro;

import dev.lasti.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Code that never suspends: (a) an await on a done future against a direct read, and (c) a call to an
 * {@code @Async} method that completes synchronously against the same call without {@code @Async}. Target:
 * within 1.2x of the direct call, with no extra allocation (run with {@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FastPathBench {
    /** Not a constant, so the JIT cannot fold the work away. */
    int x = 7;
    Future<Integer> done = Future.completed(42);

    @Benchmark
    public Future<Integer> awaitDone() {
        return Bodies.awaitDone(done);
    }

    @Benchmark
    public Future<Integer> awaitDone_directPeer() {
        return Bodies.readDone(done);
    }

    @Benchmark
    public Future<Integer> awaitSyncChild() {
        return Bodies.awaitSyncChild(x);
    }

    @Benchmark
    public Future<Integer> awaitSyncChild_directPeer() {
        return Bodies.callPlainChild(x);
    }
}
