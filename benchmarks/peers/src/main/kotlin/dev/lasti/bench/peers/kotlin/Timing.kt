package dev.lasti.bench.peers.kotlin

import java.lang.management.ManagementFactory

/**
 * The measuring shape shared with dev.lasti.bench.skynet.Skynet: [runs] timed runs, the first half thrown
 * away as warm-up (JIT compilation, heap sizing), the median of the rest printed as `RESULT <key> <value>`.
 */
internal object Timing {
    /** Runs [body] [runs] times and returns the median of the second half, in the unit [body] returns. */
    fun medianOfWarm(runs: Int, body: () -> Double): Double {
        val values = DoubleArray(runs) { body() }
        val measured = values.copyOfRange(runs / 2, runs)
        measured.sort()
        return measured[measured.size / 2]
    }

    fun result(key: String, value: Double) {
        println("RESULT %s %.3f".format(key, value))
    }

    /** Heap in use after full collections, the smallest of a few, as in dev.lasti.bench.memory.Memory. */
    fun liveHeapAfterGc(): Long {
        var min = Long.MAX_VALUE
        repeat(5) {
            System.gc()
            min = minOf(min, ManagementFactory.getMemoryMXBean().heapMemoryUsage.used)
        }
        return min
    }
}
