package dev.lasti.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void ready_completesWhenTheChannelBecomesReadable_thenDropsInterest() throws Exception {
        Pipe pipe = Pipe.open();
        try (LoopThread lt = new LoopThread("readiness-test")) {
            AtomicReference<Future<SelectionKey>> ready = new AtomicReference<>();
            lt.call(() -> ready.getAndSet(Readiness.ready(pipe.source(), SelectionKey.OP_READ)));
            Thread.sleep(200);
            assertFalse(ready.get().isDone(), "nothing to read yet");

            pipe.sink().write(ByteBuffer.wrap(new byte[] {42}));
            SelectionKey key = lt.await(ready::get, WAIT);
            assertTrue(key.isReadable());
            assertEquals(0, (int) lt.call(key::interestOps), "one-shot: the interest is removed");
            ByteBuffer buf = ByteBuffer.allocate(1);
            assertEquals(1, (int) lt.call(() -> read(pipe, buf)));
            assertEquals(42, buf.get(0));
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void ready_canBeCancelled_andAwaitedAgain() throws Exception {
        Pipe pipe = Pipe.open();
        try (LoopThread lt = new LoopThread("readiness-test")) {
            Future<SelectionKey> first = lt.call(() -> Readiness.ready(pipe.source(), SelectionKey.OP_READ));
            first.cancel();
            AtomicReference<Future<SelectionKey>> second = new AtomicReference<>();
            lt.call(() -> second.getAndSet(Readiness.ready(pipe.source(), SelectionKey.OP_READ)));
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            lt.await(second::get, WAIT);
            assertTrue(first.isCancelled());
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    private static int read(Pipe pipe, ByteBuffer buf) {
        try {
            return pipe.source().read(buf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
