package dev.lasti.samples;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One runnable sample: its name on the command line, the seed row it implements (S1 to S15 of the
 * mission's table, "-" for extras), a one-line summary, and the code that runs it and returns what
 * happened, with measured timings.
 */
record Sample(String name, String row, String summary, Supplier<String> body) {
    static final List<Sample> ALL = List.of(
            new Sample("slow-server", "S1", "HTTP handler awaits a 1 s sleep, then says Hello, world",
                    SlowServer::run),
            new Sample("blocking-client", "S2", "blocking sockets: two requests one after the other",
                    BlockingClient::run),
            new Sample("callback-client", "S3", "selector callbacks: two requests at once",
                    CallbackClient::run),
            new Sample("async-client", "S4", "the same client as straight-line @Async code",
                    AsyncClient::run),
            new Sample("echo-server", "S5", "TCP echo server with callbacks, then with @Async",
                    EchoServer::run),
            new Sample("delegation", "S6", "an @Async method awaits another (yield from)", Delegation::run),
            new Sample("blocking-offload", "S7", "blocking work on a worker, result back in the coroutine",
                    BlockingOffload::run),
            new Sample("docs", "S8", "a suspended task's frame: resume index, saved locals and stack",
                    FrameDocs::run),
            new Sample("raw-readiness", "S9", "await channel readiness, then read (add_handler)",
                    RawReadiness::run),
            new Sample("fetch", "S10", "the JDK HttpClient awaited as a CompletionStage", Fetch::run),
            new Sample("fast-path", "S11", "awaiting done futures never suspends", FastPath::run),
            new Sample("callback-wrap", "S12", "a callback API wrapped into a future (gen.Task)",
                    CallbackWrap::run),
            new Sample("gather", "S13", "wait on a list and a map of futures in parallel", Gather::run),
            new Sample("interleave", "S14", "start the next fetch, flush, then await the fetch",
                    Interleave::run),
            new Sample("looping", "S15", "while (await(cursor.fetchNext()))", Looping::run),
            new Sample("use-yield", "G1", "value = yield \"hello\"; gen.send(\"world\") on a lasti generator",
                    UseYield::run),
            new Sample("yield-from", "G2", "Yield.from: send and throw pass through, the return value comes out",
                    YieldFrom::run),
            new Sample("seed-framework", "G3", "the seed's Future, Task.step and selector loop on generators",
                    SeedFramework::run),
            new Sample("generator-frame", "G4", "a suspended generator's resume index and saved locals",
                    GeneratorFrameView::run),
            new Sample("socket-lines", "G5", "an async generator of a socket's lines, read by an awaiting loop",
                    SocketLines::run),
            new Sample("sleepers", "-", "100 tasks sleep 1 s each on one loop thread",
                    () -> Sleepers.run(100, Duration.ofSeconds(1))),
            new Sample("web-app", "-", "a Router app: a form, a path parameter, a streamed response, an upload",
                    WebApp::run),
            new Sample("observe", "-", "an async stack trace three awaits deep, and a live task tree",
                    Observe::run),
            new Sample("task-group", "-", "a task group: one fetch fails, the others are cancelled and cleaned up",
                    FetchGroup::run),
            new Sample("request-id", "-", "a TaskLocal request id in every log line (SLF4J MDC via a TaskHook)",
                    RequestIds::run),
            new Sample("every-core", "-", "the slow server on a group of 2 loops: 20 clients spread over both",
                    EveryCore::run));

    static String names() {
        return ALL.stream().map(Sample::name).collect(Collectors.joining(" "));
    }
}
