"""The transformer's part of docs/performance.md (benchmarks/sections/transformer.sh): a pass over the
benchmarks jar, which has almost no @Async code, and passes over a generated corpus full of it."""

UNITS = {"transformer-bytes": "B", "transformer-count": ""}


def _text_row(rows, workload, ours, target=""):
    rows.append(f"| {workload} | {ours} | | | | {target} | n/a |")


def ratio_rows(r, jmh, row, rows):
    n, full = r.get("transformer/classes"), r.get("transformer/full-pass-ms")
    if n and full:
        _text_row(rows, f"transformer, first pass over {n:,.0f} classes without `@Async` (tool's own timing)",
                  f"{full:,.0f} ms = {n / full * 1000:,.0f} classes/s", "report classes/s")
    row(rows, "transformer, rebuild with nothing changed (wall, JVM start included)",
        r.get("transformer/incremental-wall-ms"), "bare JVM start-up (`java -version`)",
        r.get("transformer/jvm-startup-wall-ms"), "ms", "almost nothing", None)

    c = "transformer/corpus-"
    n, done = r.get(c + "classes"), r.get(c + "full-pass-ms")
    methods, transformed = r.get("transformer-count/corpus-methods"), r.get(c + "transformed-classes")
    if n and done:
        per_s = f"{done:,.0f} ms = {n / done * 1000:,.0f} classes/s"
        if methods:
            per_s += f", {methods / done * 1000:,.0f} `@Async` methods/s"
        what = f"{n:,.0f} classes, {transformed or 0:,.0f} with `@Async`, {methods or 0:,.0f} methods rewritten"
        _text_row(rows, f"transformer, first pass over a generated corpus ({what}; verified; tool's own timing)",
                  per_s, "report classes/s")
    row(rows, "transformer on the corpus, same full pass (wall)", r.get(c + "full-wall-ms"),
        "`javac` of the same sources (wall, both with JVM start)", r.get(c + "javac-wall-ms"), "ms", "", None)
    row(rows, "transformer on the corpus, full pass without `--verify` (tool's own timing)",
        r.get(c + "full-pass-noverify-ms"), "the same pass with `--verify` (default of the plugin)",
        done, "ms", "", None)
    row(rows, "transformer on the corpus, rebuild with nothing changed (wall)", r.get(c + "noop-wall-ms"),
        "bare JVM start-up (`java -version`)", r.get(c + "jvm-startup-wall-ms"), "ms", "almost nothing", None)
    row(rows, "transformer on the corpus, rebuild after `javac` rewrote 1 class (wall)",
        r.get(c + "touch1-wall-ms"), "bare JVM start-up (`java -version`)", r.get(c + "jvm-startup-wall-ms"), "ms",
        "", None)
    row(rows, "class-file bytes of the corpus after the transformer (frame classes included)",
        r.get("transformer-bytes/corpus-output"), "`javac` output", r.get("transformer-bytes/corpus-input"), "B",
        "", None)
    failures = r.get("transformer-count/corpus-check-failures")
    if failures is not None:
        _text_row(rows, "transformed corpus run against its plain twins (200 classes, `CorpusCheck`)",
                  f"{failures:,.0f} failures", "0")


def how():
    return [
        "- **Transformer, no `@Async` code** (`sections/transformer.sh`): the CLI jar over the unpacked classes of",
        "  `lasti-benchmarks.jar` (JMH, its dependencies, the runtime; 3 already-transformed classes), fresh state",
        "  each launch, then once more with the state kept, where every class is up to date.",
        "- **Transformer, `@Async` corpus** (`corpus/AsyncCorpus`, `sections/transformer.sh`): 1,000 generated",
        "  classes (4,000 with `--full`), 30% without `@Async`; the others hold 1-3 `@Async` methods and a pure one,",
        "  with several awaits each, inside arithmetic and call arguments (values on the operand stack), loops,",
        "  try/catch/finally around failing awaits, switches, `Future.all`, delegation and lambdas that await,",
        "  beside plain twins of the same methods. Per launch round: `javac --release 17 -g` of the sources (timed:",
        "  the reference), a full pass over its output as the Maven plugin runs it (`--verify`, fresh state),",
        "  `CorpusCheck`, a rebuild with nothing changed, a rebuild after copying one class back from `javac`'s",
        "  output (what a one-file edit does), a bare `java -version`, and a full pass without `--verify` or",
        "  state. Classes/s and methods/s use the tool's own timing (no JVM start-up). `CorpusCheck` loads 200",
        "  transformed classes (so the JVM verifies them and their frames) and checks that each `entry()`, run on",
        "  an event loop where every other await really suspends, returns what `entryPlain()` returns.",
    ]


def problems(r):
    return [
        "- **Verification is the gap between the corpus full-pass rows with and without it.** `--verify` (the",
        "  Maven plugin's default) runs ASM's `SimpleVerifier` over the transformer's output. JFR over a pass on",
        "  the 1,000-class corpus once put 86 samples under `OutputVerifier.verify` against 89 under the",
        "  transformer itself (of 390).",
        "  Two cuts since: the verifier reads classes without debug information and stack map frames, which its",
        "  analysis never uses, and it skips every method the transformer left exactly as `javac` wrote it",
        "  (`UnchangedMethods` compares output with input). On this `@Async`-heavy corpus the rewritten methods,",
        "  resume methods and frame classes are still 89% of the instructions, so the skip saves little here;",
        "  a class with one `@Async` method among many plain ones is where it pays.",
        "- **A class without `@Async` cost a full tree read.** Fixed: `AsyncClassTransformer` used to read every",
        "  class into a `ClassNode` with `EXPAND_FRAMES` and scan every instruction for `Await.await`. It now",
        "  first scans the bytes for the constant-pool strings a candidate must hold (`dev/lasti/Await`,",
        "  `Ldev/lasti/Async;`, the marker); a class without them only has its constant pool parsed. The",
        "  no-`@Async` pass above went from 715-779 ms for 1,783-1,788 classes (2,300-2,500 classes/s, earlier",
        "  runs) to the figure in the table, over more classes.",
        "- **The driver re-read and re-compared files it did not need to.** Fixed: a rebuild stat'ed each file",
        "  three times (walk, size, time stamp), now once (the walk's attributes); once any frame class existed,",
        "  every class recompiled without `@Async` was read again to look for its stale frames among all frame",
        "  files of the run, now only when a frame file next to it carries its name; and the state file is no",
        "  longer rewritten when nothing changed. Before -> after, medians of 3 alternated runs on a quiet",
        "  moment of the machine, 1,000-class corpus: no-op rebuild 475 -> 365 ms wall, one-class rebuild",
        "  601 -> 532 ms wall, full verified pass 10.2 -> 9.3 CPU s (noisy); no-op rebuild over",
        "  `lasti-benchmarks.jar` 337 -> 312 ms wall, its first pass 1.59 -> 1.45 CPU s.",
        "- **A rebuild with nothing changed is not yet \"almost nothing\".** It is one directory walk, one state",
        "  file read and no class read, yet costs several times a bare JVM start (rows above). A JFR profile of it",
        "  (few samples) shows no hot spot; the rest is presumably start-up, loading the tool's classes and the",
        "  walk (not measured apart). In a Maven build the plugin runs in the build's JVM, without the start-up.",
        "- **The CLI runs cold.** Each pass is one JVM: the tool's own timing includes JIT warm-up of ASM and the",
        "  transformer, which a long Maven build (the plugin in the build's JVM) pays once.",
    ]


def not_implemented():
    return ["transformer throughput in a warm JVM (the Maven plugin's case); every pass measured is a cold CLI run"]
