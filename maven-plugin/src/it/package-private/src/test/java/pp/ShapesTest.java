package pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.EventLoop;
import org.junit.jupiter.api.Test;

/** Runs on the transformed classes, from inside the package so it can reach the package-private shapes. */
class ShapesTest {
    @Test
    void everyShapeRunsAndGivesItsValue() {
        assertEquals("anon,8,7,12,24,300,hi polite,42", Shapes.runAll());
    }

    @Test
    void anUnchangedSubclassOfARewrittenClassRunsTheRewrittenMethod() {
        assertEquals(11, EventLoop.run(() -> new Counter.Plus().step(10)));
        assertEquals(9, EventLoop.run(() -> Shapes.take(new Counter.Minus())) + 9);
    }
}
