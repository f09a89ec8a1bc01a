package dev.lasti.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.EventLoop;
import dev.lasti.Promise;
import dev.lasti.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A connection's deadline, moved later, earlier, disarmed and closed, on virtual time. */
class DeadlineTest {
    private static final Duration S1 = Duration.ofSeconds(1);

    /** Runs {@code script} on a virtual-time loop that lasts 100 virtual seconds; returns the expiry times. */
    private static List<Duration> expiries(java.util.function.BiConsumer<Deadline, EventLoop> script) {
        VirtualTime time = new VirtualTime();
        List<Duration> fired = new ArrayList<>();
        EventLoop.builder().timeSource(time).build().runUntilComplete(() -> {
            EventLoop loop = EventLoop.current();
            Deadline d = new Deadline(loop, () -> fired.add(time.elapsed()));
            script.accept(d, loop);
            Promise<Void> end = new Promise<>();
            loop.callLater(Duration.ofSeconds(100), () -> end.complete(null));
            return end;
        });
        return fired;
    }

    @Test
    void expiresAfterItsTimeout() {
        assertEquals(List.of(Duration.ofSeconds(10)), expiries((d, loop) -> d.arm(Duration.ofSeconds(10))));
    }

    @Test
    void movedLater_expiresAtTheLaterTime_withTheEarlierTimerKept() {
        assertEquals(List.of(Duration.ofSeconds(13)), expiries((d, loop) -> {
            d.arm(Duration.ofSeconds(10));
            loop.callLater(Duration.ofSeconds(3), () -> d.arm(Duration.ofSeconds(10)));
        }));
    }

    @Test
    void movedEarlier_expiresAtTheEarlierTime() {
        assertEquals(List.of(Duration.ofSeconds(2)), expiries((d, loop) -> {
            d.arm(Duration.ofSeconds(60));
            loop.callLater(S1, () -> d.arm(S1));
        }));
    }

    @Test
    void disarmed_doesNotExpire_untilArmedAgain() {
        assertEquals(List.of(Duration.ofSeconds(25)), expiries((d, loop) -> {
            d.arm(Duration.ofSeconds(10));
            loop.callLater(S1, d::disarm);
            loop.callLater(Duration.ofSeconds(20), () -> d.arm(Duration.ofSeconds(5)));
        }));
    }

    @Test
    void closed_neverExpires() {
        assertEquals(List.of(), expiries((d, loop) -> {
            d.arm(Duration.ofSeconds(10));
            loop.callLater(S1, d::close);
        }));
    }

    @Test
    void expiresOnce_perArming() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(15)), expiries((d, loop) -> {
            d.arm(Duration.ofSeconds(5));
            loop.callLater(Duration.ofSeconds(10), () -> d.arm(Duration.ofSeconds(5)));
        }));
    }
}
