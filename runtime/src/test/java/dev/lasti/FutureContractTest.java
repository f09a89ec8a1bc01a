package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The names the JDK owns keep the JDK's contract ({@code resultNow}, {@code exceptionNow}); {@code cause}
 * keeps Netty's and Vert.x's; {@code join} is "value or failure, as await".
 */
class FutureContractTest {
    private final Promise<String> pending = new Promise<>();
    private final Future<String> value = Future.completed("v");
    private final IOException boom = new IOException("boom");

    @Test
    void resultNow_isTheValue_orAnIllegalStateExceptionWithTheFailureAsCause() {
        assertEquals("v", value.resultNow());
        assertThrows(IllegalStateException.class, pending::resultNow);
        Future<String> failed = Future.failed(boom);
        IllegalStateException e = assertThrows(IllegalStateException.class, failed::resultNow);
        assertSame(boom, e.getCause());
        Promise<String> cancelled = new Promise<>();
        cancelled.cancel();
        assertEquals(CancellationException.class, assertThrows(IllegalStateException.class,
                cancelled::resultNow).getCause().getClass());
    }

    @Test
    void exceptionNow_isTheFailure_andRefusesAValueAPendingFutureAndACancellation() {
        assertSame(boom, Future.failed(boom).exceptionNow());
        assertThrows(IllegalStateException.class, value::exceptionNow);
        assertThrows(IllegalStateException.class, pending::exceptionNow);
        Promise<String> cancelled = new Promise<>();
        cancelled.cancel();
        assertThrows(IllegalStateException.class, cancelled::exceptionNow);
    }

    @Test
    void cause_isNullWhilePendingAndAfterAValue_elseTheFailure() {
        assertNull(pending.cause());
        assertNull(value.cause());
        assertSame(boom, Future.failed(boom).cause());
    }

    @Test
    void join_onADoneFuture_isTheValueOrTheFailureUnwrapped() {
        assertEquals("v", value.join());
        Future<String> failed = Future.failed(boom);
        assertSame(boom, assertThrows(IOException.class, failed::join));
    }
}
