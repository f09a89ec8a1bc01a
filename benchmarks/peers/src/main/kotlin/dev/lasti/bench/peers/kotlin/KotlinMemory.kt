package dev.lasti.bench.peers.kotlin

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * Bytes per suspended Kotlin coroutine, by the method of dev.lasti.bench.memory.Memory: live heap after
 * full GC with [n] `launch`ed coroutines suspended, minus before, divided by n. Each coroutine keeps a
 * `long`, an `int` and a `String` live across one `await()` of a shared pending [CompletableDeferred],
 * as lasti's measured task does with one shared pending Promise. The array that keeps the Jobs reachable
 * exists before the first measurement, so it is not counted.
 *
 * Usage: `KotlinMemory <n>`; prints `RESULT memory/kotlin-launch/<n> <bytes per coroutine>`.
 */
object KotlinMemory {
    @JvmStatic
    fun main(args: Array<String>) {
        val n = args[0].toInt()
        val keep = arrayOfNulls<Job>(n)
        runBlocking {
            val gate = CompletableDeferred<Unit>()
            val before = Timing.liveHeapAfterGc()
            for (i in 0 until n) {
                keep[i] = sleeper(gate, i.toLong(), 3, "t")
            }
            // Every launched coroutine runs up to its await before this one is resumed.
            yield()
            val after = Timing.liveHeapAfterGc()
            println("RESULT memory/kotlin-launch/%d %.1f".format(n, (after - before) / n.toDouble()))
            // Here, inside runBlocking: it would wait for its million suspended children. Nothing more to
            // measure, so no orderly shutdown either.
            Runtime.getRuntime().halt(0)
        }
    }

    private fun CoroutineScope.sleeper(gate: CompletableDeferred<Unit>, a: Long, b: Int, tag: String): Job =
        launch {
            val x = a * b
            gate.await()
            if (x + b + tag.length == -1L) println(x) // keeps x, b and tag live across the await
        }
}
