package it.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.EventLoop;
import org.junit.jupiter.api.Test;

/** Runs on the transformed classes: process-classes comes before test. */
class GreeterTest {
    @Test
    void greetSuspendsOnTheLoopAndResumes() {
        assertEquals("Hello, WORLD", EventLoop.run(() -> new Greeter().greet("world")));
    }
}
