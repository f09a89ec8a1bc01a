package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.testing.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, running and shutting down a loop. */
@Timeout(60)
class EventLoopLifecycleTest {
    @Test
    void run_returnsTheValue() {
        assertEquals("v", EventLoop.run(() -> Future.completed("v")));
        assertNull(EventLoop.run(() -> Future.completed(null)));
    }

    @Test
    void run_throwsTheFailureUnwrapped_checkedExceptionsToo() {
        IOException io = new IOException("checked");
        IOException thrown = assertThrows(IOException.class, () -> EventLoop.run(() -> Future.failed(io)));
        assertEquals(io, thrown);
        assertThrows(NullPointerException.class, () -> EventLoop.run(() -> null));
    }

    @Test
    void current_offALoopThread_throwsAClearIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, EventLoop::current);
        assertTrue(e.getMessage().contains("no lasti event loop runs on thread "
                + Thread.currentThread().getName()), e.getMessage());
        assertTrue(e.getMessage().contains("EventLoop.run"), e.getMessage());
        assertFalse(EventLoop.inLoopThread());
        assertThrows(IllegalStateException.class, () -> EventLoop.sleep(Duration.ofSeconds(1)));
    }

    @Test
    void loopsDoNotNest_andTheOuterLoopGoesOn() {
        String message = EventLoop.run(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EventLoop.run(() -> Future.completed("inner")));
            return Future.completed(e.getMessage());
        });
        assertTrue(message.contains("loops do not nest"), message);
        assertFalse(EventLoop.inLoopThread(), "the loop unbinds from its thread at shutdown");
    }

    @Test
    void aLoopRunsOnce() {
        EventLoop loop = EventLoop.create();
        loop.runUntilComplete(() -> Future.completed(1));
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(() -> Future.completed(2)));
    }

    @Test
    void anExceptionEscapingACallback_isLogged_andTheLoopGoesOn() {
        try (LogCapture log = LogCapture.start()) {
            String value = EventLoop.run(() -> {
                EventLoop loop = EventLoop.current();
                Promise<String> p = new Promise<>();
                loop.execute(() -> {
                    throw new IllegalStateException("callback blew up");
                });
                loop.callLater(Duration.ofMillis(1), () -> {
                    throw new IllegalStateException("timer blew up");
                });
                loop.callLater(Duration.ofMillis(5), () -> p.complete("still running"));
                return p;
            });
            assertEquals("still running", value);
            assertEquals(1, log.matching(LogCapture.thrownWithMessage("callback blew up")).size());
            assertEquals(1, log.matching(LogCapture.thrownWithMessage("timer blew up")).size());
            assertEquals(Level.SEVERE,
                    log.matching(LogCapture.thrownWithMessage("callback blew up")).get(0).getLevel());
        }
    }

    @Test
    void join_onTheLoopThread_ofAPendingFuture_throws_insteadOfDeadlocking() {
        String message = EventLoop.run(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Promise<>().join());
            assertEquals("done", Future.completed("done").join(), "a done future joins fine");
            return Future.completed(e.getMessage());
        });
        assertTrue(message.contains("would block the event loop thread"), message);
    }

    @Test
    void shutdown_dropsPendingTimers_andRefusesNewWork() {
        AtomicBoolean timerRan = new AtomicBoolean();
        AtomicReference<EventLoop> loop = new AtomicReference<>();
        AtomicReference<Future<Void>> sleep = new AtomicReference<>();
        EventLoop.run(() -> {
            loop.set(EventLoop.current());
            loop.get().callLater(Duration.ofMillis(200), () -> timerRan.set(true));
            sleep.set(EventLoop.sleep(Duration.ofHours(1)));
            return Future.completed(null);
        });
        assertThrows(java.util.concurrent.RejectedExecutionException.class,
                () -> loop.get().callLater(Duration.ZERO, () -> { }));
        assertFalse(sleep.get().isDone(), "a plain future is not a task: nobody cancels it");
        assertFalse(timerRan.get());
    }

    @Test
    void stop_fromAnotherThread_endsRunForever() throws InterruptedException {
        EventLoop loop = EventLoop.create();
        AtomicBoolean ran = new AtomicBoolean();
        Thread t = new Thread(() -> {
            loop.execute(() -> ran.set(true));
            loop.runForever();
        });
        t.start();
        Thread.sleep(50);
        loop.stop();
        t.join(10_000);
        assertFalse(t.isAlive());
        assertTrue(ran.get());
    }

    private static Predicate<LogRecord> blockedReport() {
        return r -> r.getLevel() == Level.WARNING && r.getMessage().contains("has been busy for");
    }

    @Test
    void blockedLoopDetector_reportsALongCallback_withTheLoopThreadsStack() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            EventLoop.builder().blockedThreshold(Duration.ofMillis(50)).build().runUntilComplete(() -> {
                Promise<Void> p = new Promise<>();
                EventLoop.current().execute(() -> {
                    blockTheLoop(500);
                    p.complete(null);
                });
                return p;
            });
            assertTrue(log.awaitRecord(blockedReport(), Duration.ofSeconds(5)));
            LogRecord r = log.matching(blockedReport()).get(0);
            boolean culpritInStack = false;
            for (StackTraceElement e : r.getThrown().getStackTrace()) {
                culpritInStack |= e.getMethodName().equals("blockTheLoop");
            }
            assertTrue(culpritInStack, "the report shows where the loop thread was stuck");
        }
    }

    @Test
    void blockedLoopDetector_reportsABlockingIoHandler_rightAfterTheLoopWokeFromSelect() throws Exception {
        java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
        try (LogCapture log = LogCapture.start(); var source = pipe.source(); var sink = pipe.sink()) {
            EventLoop.builder().blockedThreshold(Duration.ofMillis(50)).build().runUntilComplete(() -> {
                Promise<Void> p = new Promise<>();
                EventLoop.current().register(source, java.nio.channels.SelectionKey.OP_READ, key -> {
                    key.cancel();
                    blockTheLoop(500); // an I/O handler that blocks: dispatched from inside select
                    p.complete(null);
                });
                new Thread(() -> { // only once the loop sleeps in select, with nothing else to do
                    blockTheLoop(100);
                    try {
                        sink.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
                    } catch (IOException e) {
                        p.fail(e);
                    }
                }).start();
                return p;
            });
            assertTrue(log.awaitRecord(blockedReport(), Duration.ofSeconds(5)));
        }
    }

    @Test
    void blockedLoopDetector_staysQuiet_whenDisabled() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            EventLoop.builder().blockedThreshold(Duration.ZERO).build().runUntilComplete(() -> {
                Promise<Void> p = new Promise<>();
                EventLoop.current().execute(() -> {
                    blockTheLoop(300);
                    p.complete(null);
                });
                return p;
            });
            assertTrue(log.matching(blockedReport()).isEmpty());
        }
    }

    private static void blockTheLoop(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
