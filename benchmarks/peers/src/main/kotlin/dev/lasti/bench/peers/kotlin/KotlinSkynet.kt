package dev.lasti.bench.peers.kotlin

import kotlinx.coroutines.Deferred
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * Skynet 1M with Kotlin coroutines, written the idiomatic way: every node is an `async` child inside a
 * `coroutineScope`, awaited in order, all on the one thread of `runBlocking`'s event loop (no
 * `Dispatchers.Default`), which is the single-threaded setting lasti runs in. Suspending leaves call
 * `yield()` once; synchronous leaves return at once (their parent's `await` may still suspend, because
 * `async` queues its child rather than running it in place).
 *
 * Usage: `KotlinSkynet <suspend|sync> [runs]`; prints `RESULT skynet/<variant>/kotlin <ms>`.
 */
object KotlinSkynet {
    private const val SIZE = 1_000_000
    private const val DIV = 10
    private const val EXPECTED = 499_999_500_000L

    @JvmStatic
    fun main(args: Array<String>) {
        require(args.isNotEmpty()) { "usage: KotlinSkynet <suspend|sync> [runs]" }
        val suspend = args[0] == "suspend"
        val runs = if (args.size > 1) args[1].toInt() else 10
        val key = "skynet/${args[0]}/kotlin"
        val ms = Timing.medianOfWarm(runs) {
            val t0 = System.nanoTime()
            val sum = runBlocking { skynet(0, SIZE, DIV, suspend) }
            val elapsed = (System.nanoTime() - t0) / 1e6
            check(sum == EXPECTED) { "$key computed $sum, expected $EXPECTED" }
            elapsed
        }
        Timing.result(key, ms)
    }

    private suspend fun skynet(num: Long, size: Int, div: Int, suspend: Boolean): Long {
        if (size == 1) {
            if (suspend) {
                yield()
            }
            return num
        }
        val sub = size / div
        return coroutineScope {
            val children = arrayOfNulls<Deferred<Long>>(div)
            for (i in 0 until div) {
                children[i] = async { skynet(num + i.toLong() * sub, sub, div, suspend) }
            }
            var sum = 0L
            for (c in children) {
                sum += c!!.await()
            }
            sum
        }
    }
}
