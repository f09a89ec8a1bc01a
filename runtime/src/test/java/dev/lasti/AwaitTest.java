package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What happens when a method that calls await was not transformed. */
class AwaitTest {
    @SuppressWarnings("unused")
    private static String untransformedCaller() {
        return Await.await(Future.completed("never returned"));
    }

    @SuppressWarnings("unused")
    private static String untransformedStageCaller() {
        return Await.await(CompletableFuture.completedFuture("never returned"));
    }

    @SuppressWarnings("unused")
    private static String untransformedTypedCaller() throws IOException {
        return Await.await(Future.completed("never returned"), IOException.class);
    }

    @Test
    void typedAwaitInAnUntransformedMethod_failsTheSameWay() {
        IllegalStateException e = assertThrows(IllegalStateException.class, AwaitTest::untransformedTypedCaller);
        assertTrue(e.getMessage().contains("dev.lasti.AwaitTest.untransformedTypedCaller"), e.getMessage());
    }

    @Test
    void typedRun_letsJavaCatchTheCheckedFailure_andPassesOthersThrough() {
        String caught;
        try {
            EventLoop.run(() -> Future.<String>failed(new IOException("disk gone")), IOException.class);
            caught = "nothing";
        } catch (IOException e) {
            caught = e.getMessage();
        }
        assertEquals("disk gone", caught);
        assertEquals("ok", assertDoesNotThrowIo(() -> EventLoop.run(() -> Future.completed("ok"), IOException.class)));
        IllegalStateException other = assertThrows(IllegalStateException.class, () -> EventLoop.run(
                () -> Future.<String>failed(new IllegalStateException("not io")), IOException.class));
        assertEquals("not io", other.getMessage());
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T assertDoesNotThrowIo(IoSupplier<T> body) {
        try {
            return body.get();
        } catch (IOException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Test
    void awaitInAnUntransformedMethod_namesTheMethod_andSaysHowToSetUpThePlugin() {
        IllegalStateException e = assertThrows(IllegalStateException.class, AwaitTest::untransformedCaller);
        assertTrue(e.getMessage().contains("dev.lasti.AwaitTest.untransformedCaller"), e.getMessage());
        assertTrue(e.getMessage().contains("@Async"), e.getMessage());
        assertTrue(e.getMessage().contains("lasti-maven-plugin"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, AwaitTest::untransformedStageCaller);
        assertTrue(s.getMessage().contains("dev.lasti.AwaitTest.untransformedStageCaller"), s.getMessage());
    }
}
