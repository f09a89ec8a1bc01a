package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lasti.transformer.fixtures.Basics;
import dev.lasti.transformer.testkit.Schedule;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transformer's invariants: pure, idempotent, deterministic, and hands-off for classes without @Async. */
class ContractTest {
    private final ClassTransformer transformer = ClassTransformer.create();

    @Test
    void classWithoutAsync_comesBackUnchanged_withTheSameBytes() {
        byte[] bytes = TransformingClassLoader.compiled(Schedule.class);
        TransformResult result = transformer.transform(bytes, "Schedule.class");
        assertInstanceOf(TransformResult.Unchanged.class, result);
        assertArrayEquals(TransformingClassLoader.compiled(Schedule.class), bytes);
    }

    @Test
    void transformingTwice_leavesTheTransformedClassAlone() {
        for (Map.Entry<String, byte[]> entry : TransformingClassLoader.compiledPackage(Basics.class).entrySet()) {
            TransformResult first = transformer.transform(entry.getValue(), entry.getKey());
            if (first instanceof TransformResult.Transformed t) {
                byte[] again = t.classBytes().clone();
                assertInstanceOf(TransformResult.AlreadyTransformed.class, transformer.transform(again, "x"));
                assertArrayEquals(t.classBytes(), again, "input bytes untouched");
                for (byte[] frame : t.frameClasses().values()) {
                    assertInstanceOf(TransformResult.Unchanged.class, transformer.transform(frame, "frame"));
                }
            }
        }
    }

    @Test
    void sameInput_givesIdenticalOutput() {
        for (Map.Entry<String, byte[]> entry : TransformingClassLoader.compiledPackage(Basics.class).entrySet()) {
            TransformResult a = transformer.transform(entry.getValue(), entry.getKey());
            TransformResult b = ClassTransformer.create().transform(entry.getValue(), entry.getKey());
            assertEquals(a.getClass(), b.getClass());
            if (a instanceof TransformResult.Transformed ta && b instanceof TransformResult.Transformed tb) {
                assertArrayEquals(ta.classBytes(), tb.classBytes(), entry.getKey());
                assertEquals(List.copyOf(ta.frameClasses().keySet()), List.copyOf(tb.frameClasses().keySet()));
                for (String name : ta.frameClasses().keySet()) {
                    assertArrayEquals(ta.frameClasses().get(name), tb.frameClasses().get(name), name);
                }
            }
        }
    }

    @Test
    void frameClasses_areListedInMethodOrder() {
        TransformResult.Transformed t = assertInstanceOf(TransformResult.Transformed.class,
                transformer.transform(TransformingClassLoader.compiled(Basics.class), "Basics.class"));
        assertEquals(List.of("dev/lasti/transformer/fixtures/Basics$straightLine$Frame",
                "dev/lasti/transformer/fixtures/Basics$primitivesInLocals$Frame"), List.copyOf(t.frameClasses().keySet()));
    }

    @Test
    void unchangedResult_isTheSameArrayContent() {
        byte[] bytes = TransformingClassLoader.compiled(ContractTest.class);
        byte[] copy = bytes.clone();
        assertInstanceOf(TransformResult.Unchanged.class, transformer.transform(bytes, "ContractTest.class"));
        assertArrayEquals(copy, bytes);
        assertSame(TransformResult.Unchanged.class, transformer.transform(copy, "again").getClass());
    }
}
