package dev.lasti.samples;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One runnable sample: its name on the command line, the seed row it implements, a one-line summary, and
 * the code that runs it and returns what happened.
 */
record Sample(String name, String row, String summary, Supplier<String> body) {
    static final List<Sample> ALL = List.of(
            new Sample("sleepers", "-", "100 tasks sleep 1 s each on one loop thread",
                    () -> Main.sleepers(100, Duration.ofSeconds(1))),
            new Sample("delegation", "S6", "an @Async method awaits another (yield from)", Delegation::run),
            new Sample("blocking-offload", "S7", "blocking work on a worker, result back in the coroutine",
                    BlockingOffload::run),
            new Sample("fast-path", "S11", "awaiting done futures never suspends", FastPath::run),
            new Sample("callback-wrap", "S12", "a callback API wrapped into a future (gen.Task)",
                    CallbackWrap::run),
            new Sample("gather", "S13", "wait on a list and a map of futures in parallel", Gather::run),
            new Sample("interleave", "S14", "start the next fetch, flush, then await the fetch",
                    Interleave::run),
            new Sample("looping", "S15", "while (await(cursor.fetchNext()))", Looping::run));

    static String names() {
        return ALL.stream().map(Sample::name).collect(Collectors.joining(" "));
    }
}
