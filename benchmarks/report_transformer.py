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
    row(rows, "", r.get(c + "full-wall-ms"), "`javac` of the same sources (wall, both with JVM start)",
        r.get(c + "javac-wall-ms"), "ms", "", None)
    row(rows, "", r.get(c + "full-pass-noverify-ms"), "the same pass with `--verify` (default of the plugin)",
        done, "ms", "", None)
    row(rows, "transformer on the corpus, rebuild with nothing changed (wall)", r.get(c + "noop-wall-ms"),
        "bare JVM start-up (`java -version`)", r.get(c + "jvm-startup-wall-ms"), "ms", "almost nothing", None)
    row(rows, "transformer on the corpus, rebuild after `javac` rewrote 1 class (wall)", r.get(c + "touch1-wall-ms"),
        "bare JVM start-up (`java -version`)", r.get(c + "jvm-startup-wall-ms"), "ms", "", None)
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
        "  beside plain twins of the same methods. Compiled once by `javac --release 17 -g` (timed, as the",
        "  reference), then per launch: a full pass as the Maven plugin runs it (`--verify`, fresh state), a",
        "  rebuild with nothing changed, a rebuild after copying one untransformed class back (what `javac`",
        "  does on a one-file edit), a bare `java -version`, and a full pass without `--verify` or state.",
        "  Classes/s and methods/s use the tool's own timing (no JVM start-up). At the end `CorpusCheck` loads",
        "  200 transformed classes (so the JVM verifies them and their frames) and checks that each `entry()`,",
        "  run on an event loop where every other await really suspends, returns what `entryPlain()` returns.",
    ]


def problems():
    return []
