package dev.lasti.http;

import dev.lasti.EventLoop;
import dev.lasti.TimerHandle;
import java.time.Duration;

/**
 * The deadline of a connection's wait for its next request, kept with one timer that is rarely touched
 * (Netty's {@code IdleStateHandler} does the same). A keep-alive connection waits once per request, and
 * a {@code withTimeout} per wait scheduled and cancelled a timer each time. Here a wait only writes its
 * deadline: the timer stays armed at the earliest deadline it was set for, and when it fires it either
 * ends the wait (the deadline has passed) or re-arms itself for the one now current. A busy connection
 * with a 60 s idle timeout touches the timer heap once a minute.
 *
 * <pre>
 * before, per request: Timeout promise + TimerHandle + heap push + callback + heap cancel
 * after, per request:  deadline = now + idle; waiting = true ... waiting = false
 * </pre>
 *
 * Loop thread only.
 */
final class WaitDeadline {
    private final EventLoop loop;
    private final Runnable onExpiry;
    private boolean waiting;
    /** Loop time by which the current wait must end. */
    private long deadline;
    /** The armed timer, or {@code null}; it fires at {@code timerAt}. */
    private TimerHandle timer;
    private long timerAt;

    /** {@code onExpiry} runs on the loop when a wait outlasts its deadline. */
    WaitDeadline(EventLoop loop, Runnable onExpiry) {
        this.loop = loop;
        this.onExpiry = onExpiry;
    }

    /** A wait begins that must end by loop time {@code deadline} ({@link EventLoop#nanoTime}). */
    void begin(long deadline) {
        this.deadline = deadline;
        waiting = true;
        if (timer == null || timerAt > deadline) { // none armed, or armed too late for this deadline
            arm(deadline);
        }
    }

    /** The wait ended in time. The timer stays armed for the next wait. */
    void end() {
        waiting = false;
    }

    /** The connection is closed: drop the timer, so it holds nothing for its remaining time. */
    void close() {
        waiting = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void arm(long at) {
        if (timer != null) {
            timer.cancel();
        }
        timerAt = at;
        timer = loop.callLater(Duration.ofNanos(Math.max(0, at - loop.nanoTime())), this::fire);
    }

    private void fire() {
        timer = null;
        if (!waiting) {
            return; // between waits: the next one arms a timer again
        }
        if (loop.nanoTime() - deadline >= 0) {
            waiting = false;
            onExpiry.run();
        } else {
            arm(deadline); // a later wait moved the deadline on
        }
    }
}
