package dev.lasti.bench.peers.kotlin

import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.yield

/**
 * Bytes per suspended Kotlin coroutine, by the method of dev.lasti.bench.memory.Memory: live heap after
 * full GC with n `launch`ed coroutines suspended, minus before, divided by n. Each coroutine keeps a
 * `long`, an `int` and a `String` live across its one suspension, like lasti's measured task. Variants:
 *  - `deferred`: each awaits one shared pending [CompletableDeferred] (one waiter node each), as lasti's
 *    `lasti-promise` task awaits one shared pending Promise; key `memory/kotlin-launch/<n>`;
 *  - `cancellable`: each suspends in `suspendCancellableCoroutine` and its continuation is parked in a
 *    slot of an array allocated beforehand, the least a resumable Kotlin task needs; key
 *    `memory/kotlin-launch-cancellable/<n>`.
 * The arrays that keep the Jobs and continuations reachable exist before the first measurement.
 *
 * Usage: `KotlinMemory <deferred|cancellable> <n>`.
 */
object KotlinMemory {
    @JvmStatic
    fun main(args: Array<String>) {
        val deferred = args[0] == "deferred"
        val n = args[1].toInt()
        val key = (if (deferred) "memory/kotlin-launch/" else "memory/kotlin-launch-cancellable/") + n
        val keep = arrayOfNulls<Job>(n)
        val parked = arrayOfNulls<CancellableContinuation<Unit>>(n)
        runBlocking {
            val gate = CompletableDeferred<Unit>()
            val before = Timing.liveHeapAfterGc()
            for (i in 0 until n) {
                keep[i] = sleeper(if (deferred) gate else null, parked, i, 3, "t")
            }
            // Every launched coroutine runs up to its suspension before this one is resumed.
            yield()
            val after = Timing.liveHeapAfterGc()
            println("RESULT %s %.1f".format(key, (after - before) / n.toDouble()))
            // Here, inside runBlocking, which would otherwise wait for its million suspended children.
            // Nothing more to measure, so no orderly shutdown either.
            Runtime.getRuntime().halt(0)
        }
    }

    private fun CoroutineScope.sleeper(gate: CompletableDeferred<Unit>?, parked: Array<CancellableContinuation<Unit>?>,
            a: Int, b: Int, tag: String): Job =
        launch {
            val x = a.toLong() * b
            if (gate != null) {
                gate.await()
            } else {
                suspendCancellableCoroutine<Unit> { parked[a] = it }
            }
            if (x + b + tag.length == -1L) println(x) // keeps x, b and tag live across the suspension
        }
}
