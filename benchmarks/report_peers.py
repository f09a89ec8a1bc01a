"""Rows for Kotlin coroutines and ea-async 1.2.3 (module benchmarks/peers, section sections/peers.sh),
beside lasti's own figures from the skynet, memory and JMH sections of the same run. The brief sets no
target against these peers, so the rows carry its reference figures in the peer's name and no verdict."""

UNITS = {"resume": "ns", "growth": "B/await"}


def ratio_rows(r, jmh, row, rows):
    s = "skynet/suspend/"
    row(rows, "skynet 1M, leaves suspend", r.get(s + "lasti"),
        "Kotlin `coroutineScope { async }`, `runBlocking` (brief: 498-789 ms)", r.get(s + "kotlin"), "ms", "", None)
    row(rows, "", r.get(s + "lasti"), "ea-async 1.2.3, LIFO queue (brief: 104 ms)", r.get(s + "ea-async"), "ms",
        "", None)
    s = "skynet/sync/"
    row(rows, "skynet 1M, leaves complete synchronously", r.get(s + "lasti"),
        "Kotlin `coroutineScope { async }`, `runBlocking`", r.get(s + "kotlin"), "ms", "", None)
    row(rows, "", r.get(s + "lasti"), "ea-async 1.2.3", r.get(s + "ea-async"), "ms", "", None)
    ours = jmh.get("SuspendResumeBench.lastiYield", (None, None, None))[0]
    row(rows, "suspend + resume, one thread (lasti: JMH; peers: 100,000 in a loop, own launches)", ours,
        "Kotlin `yield()` in `runBlocking`", r.get("resume/kotlin-yield-ns"), "ns", "", None)
    row(rows, "", ours, "Kotlin raw continuation, no dispatcher (brief: 4.4 ns)", r.get("resume/kotlin-raw-ns"),
        "ns", "", None)
    row(rows, "", ours, "ea-async `await` of a queued future (brief: ~100 ns)", r.get("resume/ea-async-ns"),
        "ns", "", None)
    m = "memory/%s/1000000"
    row(rows, "bytes per suspended task, 1M tasks awaiting one promise", r.get(m % "lasti-promise"),
        "Kotlin `launch` awaiting one `CompletableDeferred` (brief: 264 B)", r.get(m % "kotlin-launch"), "B", "",
        None)
    row(rows, "", r.get(m % "lasti-promise"), "Kotlin `launch` in `suspendCancellableCoroutine`",
        r.get(m % "kotlin-launch-cancellable"), "B", "", None)
    row(rows, "heap still held per `await` done in a loop, method still suspended (1M awaits)",
        r.get("growth/lasti/1000000"), "ea-async (0 would be no growth)", r.get("growth/ea-async/1000000"), "B",
        "", None)


def how():
    return [
        "- **Kotlin and ea-async peers** (module `benchmarks/peers`, section `peers`): Kotlin 2.4.21 with",
        "  kotlinx.coroutines 1.10.2, and ea-async 1.2.3 instrumented at build time by its Maven plugin (classes",
        "  compiled with `--release 11`), each workload in its own JVM launch on JDK 25, peers alternated within",
        "  each round, same fixed heaps as the lasti workloads. Kotlin skynet: every node is an `async` child in",
        "  a `coroutineScope`, awaited in order, on `runBlocking`'s one thread; suspending leaves `yield()` once.",
        "  ea-async skynet: the `CompletableFuture` peer's shape with `await`; suspending leaves await a future",
        "  completed from a LIFO queue the same thread drains. Round trips: 100,000 `yield()` in `runBlocking`;",
        "  a raw continuation (`createCoroutineUnintercepted`, `suspendCoroutineUninterceptedOrReturn`) resumed",
        "  by a plain loop; 100,000 ea-async awaits of a queued future. Memory: 1M `launch`ed coroutines with",
        "  the same live locals as lasti's task, awaiting one `CompletableDeferred` or parked in",
        "  `suspendCancellableCoroutine`, measured like `memory/Memory`. ea-async growth: live heap after full",
        "  GC held by one method suspended after 1M awaits in a loop, per await; lasti's counterpart",
        "  (`Memory lasti-growth`) awaits 1M `yieldNow()` in a loop the same way. These launches run in their",
        "  own section, not interleaved with lasti's launches of the same workload.",
    ]

