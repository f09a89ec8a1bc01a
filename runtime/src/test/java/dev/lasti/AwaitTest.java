package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
