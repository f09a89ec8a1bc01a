package dev.lasti.http;

import dev.lasti.EventLoop;
import dev.lasti.TimerHandle;
import java.time.Duration;

/**
 * A connection's one timeout, moved several times per request (idle, head, body, response) without a
 * timer each time. A timer already due at or before the new deadline is kept: when it fires it finds the
 * deadline later and waits out the rest. So a keep-alive connection costs about one timer per timeout
 * period instead of four heap insertions and cancellations per request. Loop thread only.
 */
final class Deadline {
    private final EventLoop loop;
    private final Runnable onExpiry;
    private boolean armed;
    /** Loop time when the armed deadline passes. */
    private long at;
    /** The pending timer, if any, and when it fires; it fires at or before {@link #at} while armed. */
    private TimerHandle timer;
    private long timerAt;

    Deadline(EventLoop loop, Runnable onExpiry) {
        this.loop = loop;
        this.onExpiry = onExpiry;
    }

    /** Expires {@code timeout} from now unless moved or disarmed first. */
    void arm(Duration timeout) {
        long now = loop.nanoTime();
        armed = true;
        at = now + timeout.toNanos();
        if (timer != null && timerAt - at <= 0) {
            return; // fires early enough, and re-checks then
        }
        cancelTimer();
        schedule(now);
    }

    /** No deadline until the next {@link #arm}; a pending timer finds nothing to do. */
    void disarm() {
        armed = false;
    }

    /** Disarms and drops the pending timer, so it holds nothing: the connection is done. */
    void close() {
        armed = false;
        cancelTimer();
    }

    private void schedule(long now) {
        timerAt = at;
        timer = loop.callLater(Duration.ofNanos(at - now), this::fire);
    }

    private void fire() {
        timer = null;
        if (!armed) {
            return;
        }
        long now = loop.nanoTime();
        if (now - at >= 0) {
            armed = false;
            onExpiry.run();
        } else {
            schedule(now); // moved later since this timer was set
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
