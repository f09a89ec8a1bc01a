package dev.lasti.transformer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.passes.PassSamples;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/** Each pass on a small method, with the relevant bytecode before and after. */
class PassesTest {
    private static final String OWNER = "dev/lasti/transformer/passes/PassSamples";

    private static MethodNode method(String name) {
        ClassNode node = new ClassNode();
        new ClassReader(TransformingClassLoader.compiled(PassSamples.class)).accept(node, ClassReader.EXPAND_FRAMES);
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** The method's instructions as Textifier prints them, without frames, labels or line numbers. */
    static String code(MethodNode method) {
        Textifier text = new Textifier();
        method.accept(new TraceMethodVisitor(text));
        StringWriter out = new StringWriter();
        text.print(new PrintWriter(out));
        return out.toString().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("@") && !l.startsWith("//") && !l.startsWith("FRAME") && !l.startsWith("L") && !l.startsWith("MAX")
                        && !l.startsWith("LINENUMBER") && !l.startsWith("LOCALVARIABLE"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void typeAnalysis_givesExactTypesOfTheStackUnderTheAwaitedFuture() throws Exception {
        MethodNode m = method("stackAtAwait");
        List<AwaitSite> sites = AwaitSite.find(m);
        Frame<SlotType>[] types = TypeAnalysis.run(OWNER, m);
        Frame<SlotType> at = types[m.instructions.indexOf(sites.get(0).call())];
        // ILOAD 0; ALOAD 1; INVOKESTATIC Await.await   -> stack: int, Future
        assertEquals(2, at.getStackSize());
        assertEquals(SlotType.INT, at.getStack(0));
        assertEquals(new SlotType.Ref(RuntimeNames.FUTURE), at.getStack(1));
    }

    @Test
    void liveness_savesOnlyLiveLocals_whenLocalDiesBeforeAwait() throws Exception {
        MethodNode m = method("deadLocal");
        List<AwaitSite> sites = AwaitSite.find(m);
        Frame<SlotType>[] types = TypeAnalysis.run(OWNER, m);
        BitSet[] live = Liveness.run(m);
        FrameLayout layout = FrameLayout.plan(m, new Names.Generated(OWNER + "$deadLocal$Frame", "deadLocal$resume"), sites,
                types, live);
        // slots: 0 b (Future, dead after the await's ALOAD), 1 dead (String, dead), 2-3 live (long)
        assertEquals(List.of(new FrameLayout.Saved(2, SlotType.LONG, "local2$live")), layout.sites().get(0).locals());
        assertEquals(Map.of("local2$live", "J"), layout.fields());
    }

    @Test
    void uninitializedNews_moveTheAllocationPastTheAwaits() throws Exception {
        MethodNode m = method("newPoint");
        String before = code(m);
        assertTrue(before.startsWith("NEW dev/lasti/transformer/passes/PassSamples$Point\nDUP\nALOAD 0\n"), before);
        List<AwaitSite> sites = AwaitSite.find(m);
        boolean moved = UninitializedNews.move(m, sites, TypeAnalysis.run(OWNER, m));
        assertTrue(moved);
        String after = code(m);
        assertEquals("""
                ALOAD 0
                INVOKESTATIC dev/lasti/Await.await (Ldev/lasti/Future;)Ljava/lang/Object;
                CHECKCAST java/lang/Integer
                INVOKEVIRTUAL java/lang/Integer.intValue ()I
                ALOAD 1
                INVOKESTATIC dev/lasti/Await.await (Ldev/lasti/Future;)Ljava/lang/Object;
                CHECKCAST java/lang/Integer
                INVOKEVIRTUAL java/lang/Integer.intValue ()I
                ISTORE 3
                ISTORE 2
                NEW dev/lasti/transformer/passes/PassSamples$Point
                DUP
                ILOAD 2
                ILOAD 3
                INVOKESPECIAL dev/lasti/transformer/passes/PassSamples$Point.<init> (II)V
                INVOKESTATIC dev/lasti/Future.completed (Ljava/lang/Object;)Ldev/lasti/Future;
                ARETURN
                """, after);
        // the moved code types again with no uninitialized value at any await
        Frame<SlotType>[] types = TypeAnalysis.run(OWNER, m);
        for (AwaitSite site : sites) {
            Frame<SlotType> at = types[m.instructions.indexOf(site.call())];
            for (int i = 0; i < at.getStackSize(); i++) {
                assertTrue(!(at.getStack(i) instanceof SlotType.Uninit));
            }
        }
    }

    @Test
    void awaitRewriter_turnsTheCallIntoADoneCheck() throws Exception {
        MethodNode m = method("stackAtAwait");
        List<AwaitSite> sites = AwaitSite.find(m);
        Frame<SlotType>[] types = TypeAnalysis.run(OWNER, m);
        FrameLayout layout = FrameLayout.plan(m, new Names.Generated("F", "stackAtAwait$resume"), sites, types,
                Liveness.run(m));
        Map<Integer, LabelNode> awaitLabels = new LinkedHashMap<>();
        AwaitRewriter.expand(m, layout.sites(), awaitLabels, Map.of(1, new LabelNode()));
        assertEquals("""
                ILOAD 0
                ALOAD 1
                DUP
                INVOKEVIRTUAL dev/lasti/Future.isDone ()Z
                IFEQ L0
                INVOKEVIRTUAL dev/lasti/Future.join ()Ljava/lang/Object;
                CHECKCAST java/lang/String
                INVOKESTATIC dev/lasti/transformer/passes/PassSamples.f (ILjava/lang/String;)Ljava/lang/String;
                INVOKESTATIC dev/lasti/Future.completed (Ljava/lang/Object;)Ldev/lasti/Future;
                ARETURN
                """, code(m).replaceAll("IFEQ L\\d+", "IFEQ L0"));
    }

    @Test
    void returnInPlace_completesTheFrame_onlyWhereTheReturnFollowsTheCall() throws Exception {
        MethodNode direct = method("stackAtAwait");
        assertEquals(1, ReturnInPlace.apply(direct.instructions, 9));
        assertTrue(code(direct).endsWith("""
                INVOKESTATIC dev/lasti/transformer/passes/PassSamples.f (ILjava/lang/String;)Ljava/lang/String;
                ALOAD 9
                SWAP
                INVOKEVIRTUAL dev/lasti/internal/Frame.returnValue (Ljava/lang/Object;)Ljava/lang/Object;
                ARETURN
                """), code(direct));

        // javac stores the future and runs the finally block before returning it: completing the task
        // early would let its waiters run before the finally block, so the call stays.
        MethodNode withFinally = method("returnInFinally");
        String before = code(withFinally);
        assertEquals(0, ReturnInPlace.apply(withFinally.instructions, 9));
        assertEquals(before, code(withFinally));
        assertTrue(before.contains("INVOKESTATIC dev/lasti/Future.completed"), before);
    }

    @Test
    void theByteScan_letsOnlyClassesThatMentionAwaitAsyncOrTheMarkerThrough() {
        byte[] async = TransformingClassLoader.compiled(PassSamples.class);
        assertTrue(AsyncClassTransformer.mentionsLasti(async));
        byte[] plain = TransformingClassLoader.compiled(PassSamples.Point.class); // a record beside them
        assertTrue(!AsyncClassTransformer.mentionsLasti(plain));
        byte[] transformed = ((dev.lasti.transformer.TransformResult.Transformed)
                new AsyncClassTransformer().transform(async, "PassSamples.class")).classBytes();
        assertTrue(AsyncClassTransformer.mentionsLasti(transformed));
        assertInstanceOf(dev.lasti.transformer.TransformResult.AlreadyTransformed.class,
                new AsyncClassTransformer().transform(transformed, "PassSamples.class"));
        assertInstanceOf(dev.lasti.transformer.TransformResult.Unchanged.class,
                new AsyncClassTransformer().transform(plain, "PassSamples$Point.class"));
    }
}
