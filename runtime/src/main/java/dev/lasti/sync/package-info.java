/**
 * Coordination between the tasks of one loop, in the manner of {@code tornado.locks}, {@code
 * tornado.queues} and asyncio's: {@link dev.lasti.sync.Lock}, {@link dev.lasti.sync.Semaphore}, {@link
 * dev.lasti.sync.Event}, {@link dev.lasti.sync.Condition} and a bounded {@link dev.lasti.sync.AsyncQueue}.
 *
 * <p>Every one belongs to the loop that first uses it (all its tasks run on one thread, so none of them
 * needs an atomic instruction) and refuses calls from any other thread with an {@link
 * IllegalStateException}. Waiting is a future to {@code await}; nothing here blocks a thread.
 *
 * <p>All of them are cancellation-safe. A waiter cancelled before it was served is skipped, and what it
 * waited for goes to the next waiter: it never holds a permit, takes an item or consumes a notification.
 * A waiter served just before its cancellation arrived keeps what it was given (lasti delivers a done
 * await's outcome and moves the cancellation to the task's next await), so a permit or an item is never
 * lost between the two either: release it in a {@code finally} block as usual.
 */
package dev.lasti.sync;
