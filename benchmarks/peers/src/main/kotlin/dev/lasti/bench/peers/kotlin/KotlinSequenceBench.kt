package dev.lasti.bench.peers.kotlin

/**
 * The Kotlin peer of lasti's GeneratorBench: 10 million ints from `sequence { yield(i) }`, and bytes per
 * sequence iterator suspended at its first yield. Same passes, same median, same output shape.
 */
object KotlinSequenceBench {
    fun ints(n: Int): Iterator<Int> = sequence {
        for (i in 0 until n) {
            yield(i)
        }
    }.iterator()

    private fun sum(it: Iterator<Int>): Long {
        var s = 0L
        while (it.hasNext()) {
            s += it.next()
        }
        return s
    }

    private fun medianMillis(passes: Int, pass: () -> Long): Double {
        var check = 0L
        repeat(passes) { check += pass() }
        val ms = DoubleArray(passes)
        for (i in 0 until passes) {
            val t0 = System.nanoTime()
            check += pass()
            ms[i] = (System.nanoTime() - t0) / 1e6
        }
        ms.sort()
        if (check == 42L) print("")
        return ms[passes / 2]
    }

    private fun usedAfterGc(): Long {
        val rt = Runtime.getRuntime()
        repeat(3) { System.gc() }
        return rt.totalMemory() - rt.freeMemory()
    }

    @JvmStatic
    fun main(args: Array<String>) {
        val n = args.getOrNull(0)?.toInt() ?: 10_000_000
        val count = args.getOrNull(1)?.toInt() ?: 200_000
        val t = medianMillis(7) { sum(ints(n)) }
        println(String.format("generator-ints n=%d kotlin-sequence %.1f ms", n, t))
        val held = ArrayList<Iterator<Int>>(count)
        val before = usedAfterGc()
        repeat(count) {
            val it = ints(1_000)
            it.next()
            held.add(it)
        }
        val after = usedAfterGc()
        val per = (after - before - 4.0 * count) / count
        println(String.format("generator-memory kotlin-sequence %.0f bytes per suspended iterator (%d held)",
            per, held.size))
        // for benchmarks/run.sh (sections/generators.sh, report_generators.py)
        println(String.format("RESULT generator-ints/kotlin-sequence %.3f", t))
        println(String.format("RESULT generator-bytes/kotlin-sequence %.1f", per))
    }
}
