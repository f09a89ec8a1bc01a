package dev.lasti.bench.peers.kotlin

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.createCoroutineUnintercepted
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlin.coroutines.resume

/**
 * One suspend + resume round trip on one thread, in ns, the counterpart of lasti's SuspendResumeBench:
 *  - `yield`: a coroutine doing [N] `yield()` in `runBlocking`, so each round trip goes through the
 *    dispatcher's queue, as lasti's `await(EventLoop.yieldNow())` goes through the event loop;
 *  - `raw`: the compiler's state machine alone: a coroutine created with `createCoroutineUnintercepted`
 *    that suspends with `suspendCoroutineUninterceptedOrReturn`, parking its continuation in a field that
 *    a plain `while` loop resumes. No dispatcher, no queue, no Job: the floor Kotlin's machinery allows.
 * Each run times [N] round trips; the median of the warmed-up runs is printed.
 *
 * Usage: `KotlinResume <yield|raw> [runs]`; prints `RESULT resume/kotlin-<variant>-ns <ns>`.
 */
object KotlinResume {
    private const val N = 100_000

    @JvmStatic
    fun main(args: Array<String>) {
        val variant = args[0]
        val runs = if (args.size > 1) args[1].toInt() else 20
        val expected = N.toLong() * (N - 1) / 2
        val ns = Timing.medianOfWarm(runs) {
            val t0 = System.nanoTime()
            val sum = when (variant) {
                "yield" -> runBlocking { yieldLoop(N) }
                "raw" -> raw(N)
                else -> throw IllegalArgumentException("unknown variant: $variant")
            }
            val elapsed = (System.nanoTime() - t0) / N.toDouble()
            check(sum == expected) { "$variant computed $sum, expected $expected" }
            elapsed
        }
        Timing.result("resume/kotlin-$variant-ns", ns)
    }

    private suspend fun yieldLoop(n: Int): Long {
        var sum = 0L
        for (i in 0 until n) {
            yield()
            sum += i
        }
        return sum
    }

    /** Where the suspended coroutine leaves its continuation for the driving loop. */
    private class Slot {
        var next: Continuation<Unit>? = null
    }

    private suspend fun rawLoop(slot: Slot, n: Int): Long {
        var sum = 0L
        for (i in 0 until n) {
            suspendCoroutineUninterceptedOrReturn<Unit> { c ->
                slot.next = c
                COROUTINE_SUSPENDED
            }
            sum += i
        }
        return sum
    }

    private fun raw(n: Int): Long {
        val slot = Slot()
        var result = 0L
        val body: suspend () -> Long = { rawLoop(slot, n) }
        slot.next = body.createCoroutineUnintercepted(Continuation(EmptyCoroutineContext) { result = it.getOrThrow() })
        while (true) {
            val c = slot.next ?: break
            slot.next = null
            c.resume(Unit)
        }
        return result
    }
}
