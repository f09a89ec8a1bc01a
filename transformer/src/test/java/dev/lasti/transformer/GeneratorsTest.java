package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Generator;
import dev.lasti.transformer.generators.Gens;
import dev.lasti.transformer.generators.Twins;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Generators through the transform, checked against hand-written Iterator twins and Python's semantics. */
class GeneratorsTest {
    private static final TransformingClassLoader LOADER =
            TransformingClassLoader.transformAll(TransformingClassLoader.compiledPackage(Gens.class));

    static Generator<Object> call(String name, Object... args) throws Exception {
        Class<?> gens = LOADER.loadClass(Gens.class.getName());
        for (Method m : gens.getMethods()) {
            if (m.getName().equals(name)) {
                try {
                    Object receiver = java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? null
                            : gens.getConstructor(String.class).newInstance("p-");
                    @SuppressWarnings("unchecked")
                    Generator<Object> g = (Generator<Object>) m.invoke(receiver, args);
                    return g;
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    static List<Object> drain(Iterator<?> it) {
        List<Object> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void countTo_matchesItsIteratorTwin_andCarriesTheReturnValue() throws Exception {
        for (int n : new int[] {0, 1, 5, 100}) {
            Generator<Object> g = call("countTo", n);
            assertEquals(drain(Twins.countTo(n)), drain(g));
            assertEquals(Generator.State.CLOSED, g.state());
            assertEquals("counted " + n, g.returnValue());
        }
    }

    @Test
    void wideTypes_matchTheirTwin() throws Exception {
        assertEquals(drain(Twins.wide(7L, 0.5, 12)), drain(call("wide", 7L, 0.5, 12)));
    }

    @Test
    void forEach_consumesAGenerator() throws Exception {
        List<Object> seen = new ArrayList<>();
        for (Object v : call("countTo", 3)) {
            seen.add(v);
        }
        assertEquals(List.of(0, 1, 2), seen);
    }

    @Test
    void callRunsNothing_untilTheFirstNext() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("lazy", trace);
        assertEquals(Generator.State.CREATED, g.state());
        assertEquals(List.of(), trace);
        assertEquals("x", g.next());
        assertEquals(Generator.State.SUSPENDED, g.state());
        assertEquals(List.of("entered"), trace);
    }

    @Test
    void nestedYields_receiveTheSentValues() throws Exception {
        Generator<Object> g = call("nested", 3);
        assertEquals(10, g.next());
        assertEquals(-1, g.send(5));   // total += 1*5
        assertEquals(20, g.send(null)); // + max(1, 0)
        assertEquals(-2, g.send(null)); // + 2*1
        assertEquals(30, g.send(9));    // + max(2, 1)
        assertEquals(-3, g.send(2));    // + 3*2
        assertThrows(NoSuchElementException.class, () -> g.send(0)); // + max(3, 1)
        assertEquals(5 + 1 + 2 + 2 + 6 + 3, (int) g.returnValue());
    }

    @Test
    void uninitializedNew_aroundAYield() throws Exception {
        Generator<Object> g = call("uninitializedNew", List.of("a", "b"));
        assertEquals("a", g.next());
        assertEquals("A!", g.send("A"));
        assertEquals("b", g.next());
        assertEquals("B!", g.send("B"));
        assertFalse(g.hasNext());
    }

    @Test
    void throwIn_isCaughtAtTheYield_andFinallyRuns() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("guarded", trace, 3);
        assertEquals("v0", g.next());
        assertEquals("recovered0", g.throwIn(new IllegalArgumentException("boom")));
        assertEquals("v1", g.next());
        assertEquals(List.of("caught boom"), trace);
        RuntimeException other = new UnsupportedOperationException("not caught");
        assertEquals(other, assertThrows(UnsupportedOperationException.class, () -> g.throwIn(other)));
        assertEquals(List.of("caught boom", "finally"), trace);
        assertEquals(Generator.State.CLOSED, g.state());
        assertThrows(IllegalStateException.class, g::returnValue);
    }

    @Test
    void close_runsFinally_likeGeneratorExit() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("guarded", trace, 3);
        g.next();
        g.close();
        assertEquals(List.of("finally"), trace);
        assertEquals(Generator.State.CLOSED, g.state());
        assertFalse(g.hasNext());
        g.close(); // closing again does nothing
        Generator<Object> fresh = call("guarded", trace, 3);
        fresh.close();
        assertEquals(List.of("finally"), trace, "a created generator's body never starts");
    }

    @Test
    void instanceGenerator_keepsItsReceiver() throws Exception {
        Generator<Object> g = call("names", (Object) new String[] {"a", "b"});
        assertEquals(List.of("p-a", "p-b"), drain(g));
        assertEquals(2, (int) g.returnValue());
    }

    @Test
    void yieldFrom_forwardsNextSendAndReturnsTheInnerValue() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("outer", trace);
        assertEquals("before", g.next());
        assertEquals("echo ready", g.next());
        assertEquals("echo hi", g.send("hi"));
        assertEquals("after", g.send("stop"));
        assertEquals(List.of("echo finally", "inner returned stopped", "outer finally"), trace);
        assertFalse(g.hasNext());
        assertEquals("outer done", g.returnValue());
    }

    @Test
    void yieldFrom_forwardsThrowIn() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("outer", trace);
        g.next();
        g.next();
        assertEquals("after", g.throwIn(new IllegalArgumentException("in")));
        assertEquals(List.of("echo caught in", "echo finally", "inner returned thrown in", "outer finally"), trace);
    }

    @Test
    void yieldFrom_forwardsClose() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("outer", trace);
        g.next();
        g.next();
        g.close();
        assertEquals(List.of("echo finally", "outer finally"), trace);
        assertEquals(Generator.State.CLOSED, g.state());
    }

    @Test
    void resumingWhileRunning_isGeneratorAlreadyExecuting() throws Exception {
        Generator<?>[] self = new Generator<?>[1];
        Generator<Object> g = call("reentrant", (Object) self);
        self[0] = g;
        assertEquals("first", g.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertEquals("generator already executing", e.getMessage());
    }

    @Test
    void bodyFailure_reachesTheConsumer_andCloses() throws Exception {
        Generator<Object> g = call("failing", 2);
        assertEquals(0, g.next());
        assertEquals(1, g.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, g::next);
        assertEquals("failed after 2", e.getMessage());
        assertEquals(Generator.State.CLOSED, g.state());
        assertFalse(g.hasNext());
    }

    @Test
    void sendingToAJustStartedGenerator_onlyTakesNull() throws Exception {
        Generator<Object> g = call("countTo", 2);
        assertThrows(IllegalStateException.class, () -> g.send("x"));
        assertEquals(0, g.send(null));
    }

    @Test
    void onlyLiveLocalsAreSaved_oneFramePerGenerator() throws Exception {
        Generator<Object> g = call("countTo", 3);
        g.next();
        List<String> fields = new ArrayList<>();
        for (var f : g.getClass().getDeclaredFields()) {
            fields.add(f.getName());
        }
        assertEquals(List.of("resumePoint", "local0$n", "local1$i"), fields);
        assertTrue(g instanceof dev.lasti.internal.GeneratorFrame<?>);
    }

    @Test
    void close_ofABodyThatYieldsAgain_isGeneratorIgnoredGeneratorExit() throws Exception {
        Generator<Object> g = call("ignoresExit");
        assertEquals("again", g.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertEquals("generator ignored GeneratorExit", e.getMessage());
    }

    @Test
    void close_isNotSwallowedByCatchException_butRunsFinally() throws Exception {
        List<String> trace = new ArrayList<>();
        Generator<Object> g = call("catchesExceptions", trace);
        assertEquals("one", g.next());
        g.close();
        assertEquals(List.of("finally"), trace);
        assertEquals(Generator.State.CLOSED, g.state());
    }
}
