"""The generators' part of docs/performance.md (benchmarks/sections/generators.sh): iterating 10 million
ints from a lasti generator against a hand-written Iterator and Kotlin's sequence, and bytes per suspended
generator against a suspended Kotlin sequence iterator."""

UNITS = {"generator-bytes": "B"}


def ratio_rows(r, jmh, row, rows):
    g = "generator-ints/"
    row(rows, "10M ints from a `@Generates` generator (median pass)", r.get(g + "lasti"),
        "hand-written `Iterator<Integer>`", r.get(g + "handwritten"), "ms", "<= 2x", lambda o, q: q <= 2)
    row(rows, "", r.get(g + "lasti"), "Kotlin `sequence { yield(i) }`", r.get(g + "kotlin-sequence"), "ms",
        "< 1x", lambda o, q: q < 1)
    b = "generator-bytes/"
    row(rows, "bytes per generator suspended at its first yield", r.get(b + "lasti"),
        "Kotlin sequence iterator, suspended", r.get(b + "kotlin-sequence"), "B", "", None)


def how():
    return [
        "- **Generators** (`sections/generators.sh`, `gen/GeneratorBench`, `peers/.../KotlinSequenceBench`): the",
        "  sum of 10 million ints taken through `hasNext()`/`next()` of a `@Generates` generator, of a hand-written",
        "  `Iterator<Integer>` (both in one JVM) and of Kotlin's `sequence { yield(i) }.iterator()` (its own JVM),",
        "  median of 7 timed passes after 7 warm-up passes; then 200,000 generators suspended at their first",
        "  yield, and the heap after three `System.gc()` calls divided by their count.",
    ]
