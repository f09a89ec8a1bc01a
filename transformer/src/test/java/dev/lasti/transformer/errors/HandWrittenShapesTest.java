package dev.lasti.transformer.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.testkit.Schedule;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hand-written bytecode shapes javac never emits, around uninitialized objects and old class files: each is
 * either the documented refusal, in javac form with its line, or transformed correctly; never an internal
 * error ("please report this").
 */
class HandWrittenShapesTest {
    private static final String NL = System.lineSeparator();
    private static final String NEW_HINT = NL + "  hint: compute the awaited constructor arguments into locals"
            + " before the `new`";
    private static final String AWAIT = "(Ldev/lasti/Future;)Ljava/lang/Object;";
    private static final String SB = "java/lang/StringBuilder";

    /** Class {@code a/Odd} (Odd.java) with {@code @Async static Future m(Future f)}, its code from line 7. */
    private static byte[] odd(int version, Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "a/Odd", null, "java/lang/Object", null);
        cw.visitSource("Odd.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m",
                "(Ldev/lasti/Future;)Ldev/lasti/Future;", null, null);
        mv.visitAnnotation("Ldev/lasti/Async;", false);
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(7, start);
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void await(MethodVisitor mv) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/lasti/Await", "await", AWAIT, false);
    }

    /** {@code return Future.completed(top.toString())}. */
    /** {@code if (f == null) return null;} then an await: a branch target that needs a stack map frame. */
    private static void awaitAfterABranch(MethodVisitor mv) {
        Label done = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitJumpInsn(Opcodes.IFNULL, done);
        await(mv);
        returnString(mv);
        mv.visitLabel(done);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
    }

    private static void returnString(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "toString", "()Ljava/lang/String;", false);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/lasti/Future", "completed",
                "(Ljava/lang/Object;)Ldev/lasti/Future;", false);
        mv.visitInsn(Opcodes.ARETURN);
    }

    private static void init(MethodVisitor mv, String desc) {
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, SB, "<init>", desc, false);
    }

    private static List<String> errors(byte[] bytes) {
        TransformResult result = ClassTransformer.create().transform(bytes, "a/Odd.class");
        TransformResult.Failed failed = assertInstanceOf(TransformResult.Failed.class, result, result::toString);
        return failed.diagnostics().stream().map(d -> d.format("src/" + d.sourceFile())).toList();
    }

    /** Transforms, loads with verification and runs {@code m(value("x"))} with every await suspending. */
    private static String run(byte[] bytes) throws Exception {
        TransformingClassLoader loader = TransformingClassLoader.transformAll(Map.of("a/Odd", bytes));
        Method m = loader.loadClass("a.Odd").getMethod("m", Future.class);
        Schedule.Outcome outcome = Schedule.run(new Schedule.Mode.AllSuspend(), () -> {
            try {
                return (Future<?>) m.invoke(null, Schedule.value("x"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(null, outcome.failure(), outcome::toString);
        return outcome.value();
    }

    @Test
    void newDupDup_anExtraCopyOfTheUninitializedReference_isTheShapeError() {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitTypeInsn(Opcodes.NEW, SB);
            mv.visitInsn(Opcodes.DUP);
            mv.visitInsn(Opcodes.DUP);
            await(mv);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
            init(mv, "(Ljava/lang/String;)V");
            mv.visitInsn(Opcodes.POP);
            returnString(mv);
        });
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): the uninitialized"
                + " java/lang/StringBuilder is copied, moved or stored before its constructor call" + NEW_HINT),
                errors(bytes));
    }

    @Test
    void uninitializedReferenceInALocalAcrossAnAwait_isTheShapeError() {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitTypeInsn(Opcodes.NEW, SB);
            mv.visitInsn(Opcodes.DUP);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            await(mv);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
            init(mv, "(Ljava/lang/String;)V");
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            returnString(mv);
        });
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): an uninitialized object is"
                + " stored in local 1 at an await" + NEW_HINT), errors(bytes));
    }

    @Test
    void swapAndDupX1AroundTheUninitializedReference_isTheShapeError() {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitTypeInsn(Opcodes.NEW, SB);   // [u]
            mv.visitInsn(Opcodes.DUP);           // [u u]
            await(mv);                           // [u u s]
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
            mv.visitInsn(Opcodes.DUP_X1);        // [u s u s]
            mv.visitInsn(Opcodes.POP);           // [u s u]
            mv.visitInsn(Opcodes.SWAP);          // [u u s]
            init(mv, "(Ljava/lang/String;)V");
            returnString(mv);
        });
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): the uninitialized"
                + " java/lang/StringBuilder is copied, moved or stored before its constructor call" + NEW_HINT),
                errors(bytes));
    }

    @Test
    void awaitBeforeTheNew_withSwapAndDupX1AfterIt_isTransformedCorrectly() throws Exception {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            await(mv);                           // [s]
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
            mv.visitTypeInsn(Opcodes.NEW, SB);   // [s u]
            mv.visitInsn(Opcodes.DUP_X1);        // [u s u]
            mv.visitInsn(Opcodes.SWAP);          // [u u s]
            init(mv, "(Ljava/lang/String;)V");
            mv.visitLdcInsn("!");
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "append", "(Ljava/lang/String;)L" + SB + ";", false);
            returnString(mv);
        });
        assertEquals("x!", run(bytes));
    }

    @Test
    void newWithoutDupAcrossAnAwait_isTheShapeError() {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitTypeInsn(Opcodes.NEW, SB);
            await(mv);
            mv.visitInsn(Opcodes.POP);
            init(mv, "()V");
            mv.visitLdcInsn("y");
            returnString(mv);
        });
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): NEW java/lang/StringBuilder"
                + " is not followed by DUP" + NEW_HINT), errors(bytes));
    }

    @Test
    void awaitInAConstructorArgumentNestedTwoDeep_isTransformedCorrectly() throws Exception {
        // new StringBuilder(new StringBuilder((String) await(f)).reverse()) in javac's shape
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitTypeInsn(Opcodes.NEW, SB);
            mv.visitInsn(Opcodes.DUP);
            mv.visitTypeInsn(Opcodes.NEW, SB);
            mv.visitInsn(Opcodes.DUP);
            await(mv);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
            init(mv, "(Ljava/lang/String;)V");
            mv.visitLdcInsn("y");
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SB, "append", "(Ljava/lang/String;)L" + SB + ";", false);
            init(mv, "(Ljava/lang/CharSequence;)V");
            returnString(mv);
        });
        assertEquals("xy", run(bytes));
    }

    @Test
    void jsrRetInAnOldClassFile_isTheDocumentedError() {
        byte[] bytes = odd(Opcodes.V1_4, mv -> {
            Label sub = new Label();
            mv.visitJumpInsn(Opcodes.JSR, sub);
            await(mv);
            returnString(mv);
            mv.visitLabel(sub);
            mv.visitVarInsn(Opcodes.ASTORE, 1);
            mv.visitVarInsn(Opcodes.RET, 1);
        });
        assertEquals(List.of(
                "src/Odd.java:7: error: cannot transform Odd.m(Future): it uses JSR/RET subroutines" + NL
                        + "  hint: recompile the class with a Java 6+ compiler",
                "src/Odd.java:7: error: cannot transform Odd.m(Future): class file version 48 has no stack map"
                        + " frames" + NL + "  hint: recompile the class with --release 8 or newer"),
                errors(bytes));
    }

    @Test
    void classFileOlderThan50_withABranch_isTheDocumentedError() {
        byte[] bytes = odd(Opcodes.V1_5, HandWrittenShapesTest::awaitAfterABranch);
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): class file version 49 has no"
                + " stack map frames" + NL + "  hint: recompile the class with --release 8 or newer"),
                errors(bytes));
    }

    @Test
    void version50WithoutStackMapFramesAtABranchTarget_isTheDocumentedError() {
        byte[] bytes = odd(Opcodes.V1_6, HandWrittenShapesTest::awaitAfterABranch);
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): the class file has no stack"
                + " map frame at a branch target, a handler or after a jump" + NL
                + "  hint: recompile the class with --release 8 or newer"), errors(bytes));
    }

    @Test
    void deadCodeWithAnAwait_afterAReturn_withoutAFrame_isTheDocumentedError() {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ARETURN);
            await(mv);                           // unreachable, and no frame: the verifier would reject it too
            returnString(mv);
        });
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): the class file has no stack"
                + " map frame at a branch target, a handler or after a jump" + NL
                + "  hint: recompile the class with --release 8 or newer"), errors(bytes));
    }

    @Test
    void codeTheAnalysisCannotFollow_isBlamedOnTheInput_notReportedAsALastiBug() {
        byte[] bytes = odd(Opcodes.V17, mv -> {
            mv.visitInsn(Opcodes.POP);           // on an empty stack: invalid code
            await(mv);
            returnString(mv);
        });
        List<String> errors = errors(bytes);
        assertEquals(1, errors.size(), errors::toString);
        String error = errors.get(0);
        assertTrue(error.startsWith("src/Odd.java:7: error: cannot transform"
                + " Odd.m(Future): its bytecode cannot be followed: instruction "), error);
        assertTrue(error.endsWith("  hint: javac never writes such code; if the"
                + " tool that wrote this class is a compiler, its output likely fails the JVM's verifier too (if it"
                + " was javac, please report this to lasti)"), error);
    }
}
