#!/usr/bin/env python3
"""Writes docs/performance.md from one run of benchmarks/run.sh: medians across launches, ratios against
the peer measured in the same run, the machine, and a memory plot when gnuplot is installed."""
import argparse
import glob
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
from collections import defaultdict

NOT_IMPLEMENTED = [
]


def parts():
    """The workload modules beside this file (report_<name>.py). Each may define any of:
    ratio_rows(r, jmh, row, rows) to add rows to the ratio table, plots(r, work, docs) -> markdown lines,
    how() -> lines for "How each workload is built", problems(r) -> lines for "Known performance problems",
    not_implemented() -> items, launches(values) to be given every launch's value of every key first (for
    spreads between rounds). r maps a result key to its median over launches."""
    mods = []
    for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "report_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mods.append(mod)
    return mods


def collect(mods, name, *args):
    out = []
    for m in mods:
        if hasattr(m, name):
            out += getattr(m, name)(*args)
    return out


def sh(*cmd):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        return done.stdout + done.stderr  # java -version writes to stderr
    except OSError:
        return ""


def read_launches(path):
    """Every launch's value of every key, in the order the run wrote them."""
    values = defaultdict(list)
    with open(path) as f:
        for line in f:
            parts = line.split(maxsplit=2)
            if parts and parts[0] == "RESULT":
                values[parts[1]].append(float(parts[2]))
    return dict(values)


def read_results(path):
    values, skipped = read_launches(path), {}
    with open(path) as f:
        for line in f:
            parts = line.split(maxsplit=2)
            if parts and parts[0] == "SKIPPED":
                skipped[parts[1]] = parts[2].strip()
    return {k: statistics.median(v) for k, v in values.items()}, {k: len(v) for k, v in values.items()}, skipped


def read_jmh(path):
    if not os.path.exists(path):
        return {}
    out = {}
    for b in json.load(open(path)):
        name = b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1]
        alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        out[name] = (b["primaryMetric"]["score"], b["primaryMetric"]["scoreError"], alloc)
    return out


def machine(java):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    load = open("/proc/loadavg").read().split()[:3]
    jdk = sh(java, "-version").strip().splitlines()
    build_jdk = sh("java", "-version").strip().splitlines()
    return [
        f"- CPU: {os.cpu_count()} cores (`nproc`), {cpu}",
        f"- Memory: {int(mem) // 1024} MiB; Linux {platform.release()}",
        f"- Load average when the report was written: {' '.join(load)}",
        f"- JDK running every benchmark: `{jdk[1] if len(jdk) > 1 else jdk}` ({java})",
        f"- JDK building the project (`--release 17`): `{build_jdk[1] if len(build_jdk) > 1 else build_jdk}`",
    ]


# Units of whole-process keys by their last path element, else their first, for the "All measurements"
# table. A module may add its own with a module-level UNITS = {"echo": "msg/s"}.
UNITS = {"skynet-bytes": "B/node", "skynet-gc-share": "%"}


def fmt(v, unit):
    if v is None:
        return "n/a"
    return f"{v:,.1f} {unit}" if v >= 10 else f"{v:,.2f} {unit}"


def row(rows, workload, ours, peer_name, peer, unit, target, check):
    ratio = ours / peer if ours is not None and peer else None
    verdict = "n/a" if ratio is None or check is None else ("met" if check(ours, ratio) else "**not met**")
    rows.append(f"| {workload} | {fmt(ours, unit)} | {peer_name} | {fmt(peer, unit)} | "
                f"{'n/a' if ratio is None else f'{ratio:.2f}x'} | {target} | {verdict} |")


def ratio_table(r, jmh, mods):
    def j(name):
        return jmh.get(name, (None, None, None))[0]

    rows = ["| workload | lasti | peer | peer value | lasti / peer | target | |", "|---|---|---|---|---|---|---|"]
    row(rows, "await on a done future (JMH)", j("FastPathBench.awaitDone"), "direct read, same body",
        j("FastPathBench.awaitDone_directPeer"), "ns", "<= 1.2x", lambda o, q: q <= 1.2)
    # The brief's 1.2x target is for an await on a done future; this row (an issue deliverable) has none.
    row(rows, "await an `@Async` child that completes synchronously (JMH)", j("FastPathBench.awaitSyncChild"),
        "direct calls, same bodies", j("FastPathBench.awaitSyncChild_directPeer"), "ns", "", None)
    ours = j("SuspendResumeBench.lastiYield")
    row(rows, "suspend + resume through the loop, one thread (JMH)", ours, "hand-written state machine",
        j("SuspendResumeBench.handwrittenPeer"), "ns", "<= 10 ns, <= 2x", lambda o, q: o <= 10 and q <= 2)
    row(rows, "", ours, "virtual thread `Thread.yield()`, one carrier", j("SuspendResumeBench.virtualThreadPeer"),
        "ns", "< 0.06x", lambda o, q: q < 0.06)
    row(rows, "", ours, "reference, not a peer: one loop iteration that runs one callback",
        j("SuspendResumeBench.loopIterationReference"), "ns", "", None)
    row(rows, "", ours, "reference, not a peer: one `selectNow()` on an empty selector",
        j("SelectNowBench.emptySelectNow"), "ns", "", None)
    s = "skynet/suspend/"
    row(rows, "skynet 1M, leaves suspend", r.get(s + "lasti"), "hand-written state machine, LIFO queue",
        r.get(s + "handwritten"), "ms", "<= 2x", lambda o, q: q <= 2)
    row(rows, "", r.get(s + "lasti"), "virtual thread per node (join)", r.get(s + "virtual-threads"), "ms",
        "< 0.02x", lambda o, q: q < 0.02)
    row(rows, "", r.get(s + "lasti"), "`CompletableFuture`, one thread", r.get(s + "completable-future"), "ms",
        "", None)
    row(rows, "skynet 1M, leaves suspend: bytes allocated per node", r.get("skynet-bytes/suspend/lasti"),
        "hand-written state machine", r.get("skynet-bytes/suspend/handwritten"), "B", "", None)
    row(rows, "skynet 1M, leaves suspend: share of the time in GC pauses", r.get("skynet-gc-share/suspend/lasti"),
        "hand-written state machine", r.get("skynet-gc-share/suspend/handwritten"), "%", "", None)
    s = "skynet/sync/"
    row(rows, "skynet 1M, leaves complete synchronously", r.get(s + "lasti"), "plain recursion (floor)",
        r.get(s + "recursion"), "ms", "", None)
    row(rows, "", r.get(s + "lasti"), "`CompletableFuture.completedFuture`", r.get(s + "completable-future"),
        "ms", "", None)
    row(rows, "", r.get(s + "lasti"), "virtual thread per node (join)", r.get(s + "virtual-threads"), "ms", "", None)
    m = "memory/%s/1000000"
    row(rows, "bytes per suspended task, 1M tasks awaiting one promise", r.get(m % "lasti-promise"),
        "parked virtual thread", r.get(m % "virtual-threads-park"), "B", "<= 128 B", lambda o, q: o <= 128)
    row(rows, "", r.get(m % "lasti-promise"), "hand-written task that is its own frame (floor)",
        r.get(m % "handwritten"), "B", "", None)
    row(rows, "bytes per sleeping task, 1M tasks", r.get(m % "lasti-sleep"), "virtual thread in `Thread.sleep`",
        r.get(m % "virtual-threads-sleep"), "B", "1M in ~150 MB", lambda o, q: o <= 150)
    for m in mods:
        if hasattr(m, "ratio_rows"):
            m.ratio_rows(r, jmh, row, rows)
    return rows


def jmh_table(jmh):
    rows = ["| benchmark | score | error (99.9%) | allocated per op |", "|---|---|---|---|"]
    for name, (score, err, alloc) in sorted(jmh.items()):
        a = "n/a" if alloc is None else f"{alloc:.1f} B"
        rows.append(f"| `{name}` | {score:.2f} ns/op | ±{err:.2f} | {a} |")
    return rows


def memory_plot(r, work, docs):
    impls = ["lasti-promise", "lasti-sleep", "handwritten", "kotlin-launch", "virtual-threads-park",
             "virtual-threads-sleep"]
    impls = [i for i in impls if any(k.startswith(f"memory/{i}/") for k in r)]
    points = defaultdict(dict)
    for key, v in r.items():
        if key.startswith("memory/"):
            _, impl, n = key.split("/")
            points[impl][int(n)] = v
    if not shutil.which("gnuplot") or not any(points.get(i) for i in impls):
        return None
    data = os.path.join(work, "memory.dat")
    with open(data, "w") as f:
        for impl in impls:
            f.write(f'"{impl}"\n')
            for n in sorted(points.get(impl, {})):
                f.write(f"{n} {points[impl][n] * n / 1e6:.2f}\n")
            f.write("\n\n")
    png = os.path.join(docs, "performance-memory.png")
    plots = ", ".join(f"'{data}' index {i} using 1:2 with linespoints title '{impl}'" for i, impl in enumerate(impls))
    script = (f"set terminal png size 800,500; set output '{png}'; set logscale xy; set key top left;"
              "set xlabel 'suspended tasks'; set ylabel 'live heap added (MB)'; set grid;"
              f"set title 'Heap after full GC against the number of suspended tasks'; plot {plots}")
    subprocess.run(["gnuplot", "-e", script], check=True)
    return "performance-memory.png"


def main():
    p = argparse.ArgumentParser()
    for a in ("--mode", "--results", "--jmh", "--java", "--docs", "--work"):
        p.add_argument(a, required=True)
    args = p.parse_args()
    r, counts, skipped = read_results(args.results)
    jmh = read_jmh(args.jmh)
    mods = parts()
    for m in mods:
        UNITS.update(getattr(m, "UNITS", {}))
        if hasattr(m, "launches"):
            m.launches(read_launches(args.results))
    plot = memory_plot(r, args.work, args.docs)
    # The launches every workload had: the commonest count (a key printed once per run, such as a class
    # count, or several times per launch, would make min() or max() wrong).
    launches = max(set(counts.values()), key=list(counts.values()).count) if counts else 0
    lines = [
        "# Performance",
        "",
        "> **Measured on a shared 2-core machine.** Absolute times are",
        "> noisy; only the ratios, each against a peer measured in the same run on the same JVM, mean anything.",
        "> Whole-process workloads are medians of alternated separate JVM launches; JMH ran in"
        f" {args.mode} mode.",
        "",
        f"Produced by `benchmarks/run.sh --{args.mode}` (build once, then every workload and its peers).",
        "Targets and the peers' reference figures: the project's performance brief, quoted in the table.",
        "",
        "## Machine",
        "",
        *machine(args.java),
        "",
        "## Ratios",
        "",
        f"Whole-process rows: median of {launches} launches, each the median of its warmed-up runs.",
        "",
        *ratio_table(r, jmh, mods),
        "",
    ]
    if skipped:
        lines += ["Skipped:", ""] + [f"- `{k}`: {v}" for k, v in sorted(skipped.items())] + [""]
    if plot:
        lines += ["## Memory against the number of suspended tasks", "", f"![memory]({plot})", ""]
    lines += collect(mods, "plots", r, args.work, args.docs)
    lines += ["## All measurements", "", "JMH (average time):", "", *jmh_table(jmh), "",
              "Whole-process workloads (median over launches):", "", "| workload | median | launches |",
              "|---|---|---|"]
    for k in sorted(r):
        unit = ("B/task" if k.startswith("memory/") else "" if k.endswith("classes")
                else UNITS.get(k.split("/")[-1], UNITS.get(k.split("/")[0], "ms")))
        lines.append(f"| `{k}` | {r[k]:,.1f} {unit} | {counts[k]} |")
    lines += ["", "## Known performance problems and findings", "", *problems(r, jmh), *collect(mods, "problems", r), "",
              "## How each workload is built", "", *HOW, *collect(mods, "how"), ""]
    missing = NOT_IMPLEMENTED + collect(mods, "not_implemented")
    if missing:
        lines += ["## Not implemented yet", "", *[f"- {x}" for x in missing], ""]
    with open(os.path.join(args.docs, "performance.md"), "w") as f:
        f.write("\n".join(lines))
    print("wrote", os.path.join(args.docs, "performance.md"))


# Found by profiling the runs by hand (JMH with JFR and -XX:+DebugNonSafepoints, -prof gc, -Xlog:gc); the
# figures in braces come from this run.
def problems(r, jmh):
    def j(name):
        return jmh.get(name, (None, None, None))[0]

    def f(v, unit=""):
        return "n/a" if v is None else (f"{v:,.0f}{unit}" if v >= 100 else f"{v:,.1f}{unit}")

    def x(a, b):
        return "n/a" if a is None or not b else f"{a / b:.1f}x"

    def outside(total, gc_share):
        return None if total is None or gc_share is None else total * (1 - gc_share / 100)

    def alloc(name):
        return jmh.get(name, (None, None, None))[2]

    sync, sync_peer = j("FastPathBench.awaitSyncChild"), j("FastPathBench.awaitSyncChild_directPeer")
    ours, floor = j("SuspendResumeBench.lastiYield"), j("SuspendResumeBench.handwrittenPeer")
    loop_ref = j("SuspendResumeBench.loopIterationReference")
    s = "skynet/suspend/"
    sky, hand = r.get(s + "lasti"), r.get(s + "handwritten")
    return [
        f"- **An `@Async` child that completes synchronously: {f(sync, ' ns')} against {f(sync_peer, ' ns')} for"
        f" the same calls without `@Async` ({x(sync, sync_peer)}), allocating"
        f" {f(alloc('FastPathBench.awaitSyncChild'), ' B')} against"
        f" {f(alloc('FastPathBench.awaitSyncChild_directPeer'), ' B')}.** Since `Future.completed` stopped using",
        "  atomic instructions, C2's escape analysis removes the plain child's future and its box entirely; in",
        "  the transformed pair 16 bytes survive, a box by their size (not traced yet; a guess is the suspend",
        "  branch, never taken, which hands the child's future to a frame). Both sides allocate the returned",
        "  future. Short JMH runs of these",
        "  nanosecond bodies are bimodal while C2 recompiles (3 ns and 150 ns iterations in one fork), hence",
        "  two forks and six warm-up iterations in `--short`.",
        f"- **Suspend + resume: {f(ours, ' ns')} against the hand-written {f(floor, ' ns')} ({x(ours, floor)}; the",
        "  targets are 10 ns and, for the floor, 2x).** The first profile found a `selectNow()` syscall (~280 ns) in every loop",
        "  iteration: 721 ns a round trip. Skipping it while work is queued and no channel is registered gave",
        "  157 ns. Then: `yieldNow()` became one object that is its own callback; an awaiting task of the same",
        "  loop parks in a plain field of it and is resumed right after its completion, so a round trip is one loop",
        "  iteration instead of two; an iteration reads the clock only when it has timers, and the blocked-loop",
        "  detector stamps an iteration counter instead of reading the clock. A JFR profile then put 45% of",
        "  the samples on the two atomic instructions that complete the yield's future, so futures became",
        "  loop-confined (a task's frame and a yield are written by their loop only, with release stores; other",
        "  threads hand their registrations to the loop): on the same machine, alternated, that took the round",
        "  trip from 18.5 ns to 17.1-17.6 ns, 5-8%, not 45% (samples pile up on the instruction after a locked",
        "  one, so the profile overstated them).",
        "  Then a yield stopped being a future: the transformer compiles `await(EventLoop.yieldNow())` to an",
        "  await of one shared mark, on which the task queues itself (its `NextIterationAwaits` pass; a",
        "  `yieldNow()` stored in a local stays a real one): no allocation, no registration, no completion,",
        "  and in the resume method the frame's own loop instead of a `ThreadLocal` lookup. The loop also stopped",
        "  asking the selector whether it holds keys in every iteration (`keys().isEmpty()` sums a",
        "  `ConcurrentHashMap`'s counters: a quarter of a JFR profile's samples); a field of the loop says so.",
        "  Alternated on this machine (two rounds of two forks each), the two took the round trip from",
        "  19.1-19.4 ns to 8.5-8.7 ns and the loop's own iteration from 5.7-6.0 ns to 4.8-5.0 ns.",
        f"  The reference row places the rest: the loop's own iteration with one callback is {f(loop_ref, ' ns')},",
        f"  so the frame costs {f(None if ours is None or loop_ref is None else ours - loop_ref, ' ns')}"
        " a round trip: saving and restoring the live",
        "  locals, the step's checks (a pending cancellation, task-local values), queueing itself, and",
        "  re-entering the resume method through its switch; the hand-written peer does the first and the",
        "  last of those with no call in between. The floor's 2x would leave about 3 ns above the loop's",
        "  iteration for all of it.",
        f"- **Skynet with suspending leaves: {f(sky, ' ms')} against the hand-written {f(hand, ' ms')}"
        f" ({x(sky, hand)}; the target is 2x).** Both are dominated by young-generation GC: the whole tree of a",
        "  million suspended tasks is live when the collector runs, so each pause copies it"
        f" ({f(r.get('skynet-gc-share/suspend/lasti'), '%')} of lasti's time in pauses,"
        f" {f(r.get('skynet-gc-share/suspend/handwritten'), '%')} of the hand-written one's). Outside the",
        f"  pauses lasti takes {f(outside(sky, r.get('skynet-gc-share/suspend/lasti')), ' ms')} against"
        f" {f(outside(hand, r.get('skynet-gc-share/suspend/handwritten')), ' ms')}: a task per node does more work"
        " than a node (its frame joins the loop's task list, each await registers on a future). The rest is",
        f"  in the bytes: lasti allocates {f(r.get('skynet-bytes/suspend/lasti'), ' B')} per node against"
        f" {f(r.get('skynet-bytes/suspend/handwritten'), ' B')}. A lasti",
        "  node is a 64-byte frame that is also the task's `Future` (result, waiters, resume point, the live",
        "  locals, the links that keep it reachable from its loop), a 16-byte boxed `Long` result, and the",
        "  children list; the hand-written node is one 32-byte object with a primitive sum. Cut already:",
        "  `return Future.completed(v)` in resumed code completes the frame in place (the transformer's",
        "  `ReturnInPlace`; -24 B a task), the yield's promise and lambda became one 24-byte object (-16 B a",
        "  leaf), and then no object at all (the shared mark above; -21.6 B a node, 134.2 to 112.6 B). What",
        "  remains is what makes each task a `Future<T>`: an object with a boxed result.",
    ]


HOW = [
    "- **Fast path** (`micro/FastPathBench`): an `@Async` method that awaits a done future, against the same body",
    "  reading the value with `resultNow()`; and one that awaits an `@Async` child returning `Future.completed`,",
    "  against the same two methods without `@Async`. Both sides allocate the returned `Future.completed`.",
    "- **Suspend + resume** (`micro/SuspendResumeBench`): 100,000 `await(EventLoop.yieldNow())` per invocation",
    "  inside `EventLoop.run`, so each op is one full loop iteration. The hand-written peer does the same two",
    "  queue passes per round trip on an `ArrayDeque`; the virtual thread calls `Thread.yield()` with",
    "  `-Djdk.virtualThreadScheduler.parallelism=1`.",
    "- **Skynet** (`skynet/`): leaves that suspend await `EventLoop.yieldNow()` (lasti), `Thread.yield()` (virtual",
    "  threads), or are pushed on a LIFO queue drained by the same thread (hand-written, `CompletableFuture`).",
    "  lasti runs with the blocked-loop report off, because the first iteration legitimately runs a million",
    "  calls and the report's stack dumps would be timed. Fixed heap `-Xms2g -Xmx2g`. Our virtual-thread",
    "  peer is slower than the brief's reference (1,268 ms): its leaves yield once, and 2 busy cores host a",
    "  million threads, so the ratio against it flatters lasti; the hand-written ratio is the one to watch.",
    "- **Memory** (`memory/Memory`): live heap after `System.gc()` (minimum of 5) with N tasks suspended, minus",
    "  before; `-Xms3g -Xmx3g`. A lasti task keeps a `long`, an `int` and a `String` across its await; it awaits",
    "  one shared `Promise` (so its count includes one callback-chain node) or its own `EventLoop.sleep(1 h)`",
    "  (so it includes the timer). The virtual threads keep the same locals. The hand-written floor is one",
    "  object per task holding the same locals, a state, a result and a waiter field (a lasti frame is its",
    "  task's future too), plus one node in the gate's waiter chain.",
]

if __name__ == "__main__":
    main()
