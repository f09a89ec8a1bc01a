package dev.lasti.transformer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

/** The local variable tables of both copies, read back from the transformed class file. */
class LocalVariablesTest {
    private static final String SOURCE = """
            package p;
            import static dev.lasti.Await.await;
            import dev.lasti.Async;
            import dev.lasti.Future;
            public class Sample {
                @Async
                public static Future<Integer> m(Future<Integer> f, long dead) {
                    int a = (int) dead;
                    if (f.isDone()) {
                        a = 2;
                    }
                    int got = await(f);
                    return Future.completed(a + got);
                }
            }
            """;

    private static ClassNode transformed() {
        byte[] compiled = InMemoryCompiler.compile(Map.of("p.Sample", SOURCE)).get("p/Sample");
        TransformResult.Transformed t = assertInstanceOf(TransformResult.Transformed.class,
                ClassTransformer.create().transform(compiled, "Sample.class"));
        ClassNode node = new ClassNode();
        new ClassReader(t.classBytes()).accept(node, 0);
        return node;
    }

    private static List<String> names(ClassNode node, String method) {
        MethodNode m = node.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
        return m.localVariables.stream().map((LocalVariableNode l) -> l.name + "@" + l.index).sorted().toList();
    }

    @Test
    void resumeMethod_describesTheFrameAndTheRestoredLocalsOnly() {
        // f (slot 0, where the frame arrives) and dead (a long, slots 1-2) are dead at the await: not
        // restored, so not described; a from the done-check the restore jumps to, and in the suspend block
        assertEquals(List.of("$frame@0", "$frame@5", "a@3", "a@3", "got@4"), names(transformed(), "m$resume"));
    }

    @Test
    void originalMethod_keepsJavacsTable_plusTheSuspendBlock_notAUsersOwnIsDoneCheck() {
        // javac's four entries, and again the three in scope at the await over its suspend block; the
        // user's own `if (f.isDone())` is not taken for one
        assertEquals(List.of("a@3", "a@3", "dead@1", "dead@1", "f@0", "f@0", "got@4"), names(transformed(), "m"));
    }
}
