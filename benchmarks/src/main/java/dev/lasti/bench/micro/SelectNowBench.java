package dev.lasti.bench.micro;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Not a peer but a reference: the cost of one {@code selectNow()} on a selector with no channels, which every
 * loop iteration pays. Read it next to {@link SuspendResumeBench#lastiYield}, which runs one iteration per
 * round trip, to see how much of a round trip is the selector.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectNowBench {
    private Selector selector;

    @Setup
    public void open() throws IOException {
        selector = Selector.open();
    }

    @TearDown
    public void close() throws IOException {
        selector.close();
    }

    @Benchmark
    public int emptySelectNow() throws IOException {
        return selector.selectNow();
    }
}
