package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.errors.AwaitInSynchronized;
import dev.lasti.transformer.errors.AwaitOutsideAsync;
import dev.lasti.transformer.errors.BadAsyncMethods;
import dev.lasti.transformer.errors.AsyncGeneratorMisuses;
import dev.lasti.transformer.errors.GeneratorMisuses;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Each build error, in javac's {@code File.java:LINE: error:} form; all errors of a class, not only the first. */
class ErrorsTest {
    private static final String PATH = "src/test/java/dev/lasti/transformer/errors/";

    private static List<String> errors(byte[] bytes) {
        TransformResult result = ClassTransformer.create().transform(bytes, "Some.class");
        TransformResult.Failed failed = assertInstanceOf(TransformResult.Failed.class, result);
        return failed.diagnostics().stream().map(d -> d.format(PATH + d.sourceFile())).toList();
    }

    private static List<String> errors(Class<?> type) {
        return errors(TransformingClassLoader.compiled(type));
    }

    @Test
    void awaitInPlainMethodAndInNonFutureLambda_areErrorsAtTheirLines() {
        List<String> errors = errors(AwaitOutsideAsync.class);
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith(PATH + "AwaitOutsideAsync.java:11: error: await in "
                + "AwaitOutsideAsync.plain(Future), which is not @Async"), errors.get(0));
        // a typed await is an await like any other: refused outside @Async, at its line (the lambda's body
        // is a synthetic method after the declared ones, so its error comes last)
        assertTrue(errors.get(1).startsWith(PATH + "AwaitOutsideAsync.java:19: error: await in "
                + "AwaitOutsideAsync.typed(Future), which is not @Async"), errors.get(1));
        assertTrue(errors.get(2).startsWith(PATH + "AwaitOutsideAsync.java:15: error: await inside a lambda whose"
                + " functional method returns java.lang.String"), errors.get(2));
    }

    @Test
    void generatorMisuses_areErrorsAtTheirLines() {
        List<String> errors = errors(GeneratorMisuses.class);
        String file = PATH + "GeneratorMisuses.java:";
        assertEquals(List.of(
                file + "14: error: Yield.yield in GeneratorMisuses.plain(), which is not a @Generates method",
                file + "19: error: @Generates method GeneratorMisuses.wrongReturnType() returns java.util.Iterator,"
                        + " not dev.lasti.Generator",
                file + "25: error: await in generator method GeneratorMisuses.awaits(Future), which is not @Async",
                file + "34: error: yield inside a synchronized block in GeneratorMisuses.locked()",
                file + "40: error: Yield.yield in GeneratorMisuses.lambda$lambda$0(), which is not a @Generates"
                        + " method"),
                errors.stream().map(e -> e.lines().findFirst().orElseThrow()).toList());
    }

    @Test
    void asyncGeneratorMisuses_areErrorsAtTheirLines() {
        List<String> errors = errors(AsyncGeneratorMisuses.class);
        String file = PATH + "AsyncGeneratorMisuses.java:";
        assertEquals(List.of(
                file + "14: error: @Async @Generates method AsyncGeneratorMisuses.asyncButPlainGeneratorType() returns"
                        + " dev.lasti.Generator, not dev.lasti.AsyncGenerator",
                file + "20: error: @Generates method AsyncGeneratorMisuses.asyncTypeButNotAsync() returns"
                        + " dev.lasti.AsyncGenerator but is not @Async",
                file + "27: error: Yield.from in async generator AsyncGeneratorMisuses.delegates(Generator)"),
                errors.stream().map(e -> e.lines().findFirst().orElseThrow()).toList());
    }

    @Test
    void awaitInsideSynchronizedBlockOrMethod_isAnError_butAfterTheBlockIsFine() {
        List<String> errors = errors(AwaitInSynchronized.class);
        assertEquals(List.of(
                PATH + "AwaitInSynchronized.java:15: error: await inside a synchronized block in"
                        + " AwaitInSynchronized.block(Future)" + System.lineSeparator()
                        + "  hint: a suspended task must not hold a monitor; await outside the block",
                PATH + "AwaitInSynchronized.java:21: error: await inside synchronized method"
                        + " AwaitInSynchronized.method(Future)" + System.lineSeparator()
                        + "  hint: a suspended task must not hold a monitor; remove synchronized"), errors);
    }

    @Test
    void asyncOnAbstractNativeOrNonFutureMethods_isAnError_withHintForJdkFuture() {
        List<String> errors = errors(BadAsyncMethods.class);
        assertEquals(4, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("error: @Async on abstract method BadAsyncMethods.abstractMethod()"));
        assertTrue(errors.get(1).contains("error: @Async on native method BadAsyncMethods.nativeMethod()"));
        assertTrue(errors.get(2).startsWith(PATH + "BadAsyncMethods.java:18: error: @Async method"
                + " BadAsyncMethods.jdkFuture(Future) returns java.util.concurrent.Future"), errors.get(2));
        assertTrue(errors.get(2).endsWith("hint: declare dev.lasti.Future instead of java.util.concurrent.Future"));
        assertTrue(errors.get(3).startsWith(PATH + "BadAsyncMethods.java:24: error: @Async method"
                + " BadAsyncMethods.notAFuture(Future) returns java.lang.String"), errors.get(3));
    }

    @Test
    void asyncOnConstructorOrStaticInitializer_isAnError() {
        ClassNode node = new ClassNode();
        new ClassReader(TransformingClassLoader.compiled(AwaitInSynchronized.class)).accept(node, 0);
        MethodNode clinit = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.instructions.add(new org.objectweb.asm.tree.InsnNode(Opcodes.RETURN));
        node.methods.add(clinit);
        for (MethodNode method : node.methods) {
            if (method.name.startsWith("<")) {
                method.invisibleAnnotations = List.of(new AnnotationNode("Ldev/lasti/Async;"));
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        List<String> errors = errors(writer.toByteArray()).stream().filter(e -> e.contains("@Async on a")).toList();
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith(PATH + "AwaitInSynchronized.java:9: error: @Async on a constructor in"
                + " AwaitInSynchronized.<init>()"), errors.get(0));
        assertTrue(errors.get(1).contains("error: @Async on a static initializer in AwaitInSynchronized.<clinit>()"),
                errors.get(1));
    }

    @Test
    void jsrRet_isAnErrorNamingClassAndMethod() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC, "a/Old", null, "java/lang/Object", null);
        cw.visitSource("Old.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(Ldev/lasti/Future;)Ldev/lasti/Future;", null,
                null);
        mv.visitAnnotation("Ldev/lasti/Async;", false);
        mv.visitCode();
        Label start = new Label();
        Label sub = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(3, start);
        mv.visitJumpInsn(Opcodes.JSR, sub);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/lasti/Await", "await", "(Ldev/lasti/Future;)Ljava/lang/Object;",
                false);
        mv.visitTypeInsn(Opcodes.CHECKCAST, "dev/lasti/Future");
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitLabel(sub);
        mv.visitVarInsn(Opcodes.ASTORE, 1);
        mv.visitVarInsn(Opcodes.RET, 1);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        List<String> errors = errors(cw.toByteArray());
        assertEquals(List.of("src/Old.java:3: error: cannot transform Old.m(Future): it uses JSR/RET subroutines"
                + System.lineSeparator() + "  hint: recompile the class with a Java 6+ compiler"),
                errors.stream().map(e -> e.replace(PATH, "src/")).toList());
    }

    @Test
    void truncatedClassFile_isAClearErrorNamingTheFile() {
        byte[] bytes = TransformingClassLoader.compiled(AwaitInSynchronized.class);
        TransformResult result = ClassTransformer.create().transform(Arrays.copyOf(bytes, bytes.length / 2),
                "target/classes/a/B.class");
        TransformResult.Failed failed = assertInstanceOf(TransformResult.Failed.class, result);
        String text = failed.diagnostics().get(0).format("target/classes/a/B.class");
        assertTrue(text.startsWith("target/classes/a/B.class: error: corrupt or truncated class file"
                + " target/classes/a/B.class ("), text);
    }

    @Test
    void uninitializedObjectInAShapeOtherThanNewDup_isAnError() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "a/Odd", null, "java/lang/Object", null);
        cw.visitSource("Odd.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "(Ldev/lasti/Future;)Ldev/lasti/Future;", null,
                null);
        mv.visitAnnotation("Ldev/lasti/Async;", false);
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(7, start);
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/Object");  // NEW without the DUP javac always emits
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/lasti/Await", "await", "(Ldev/lasti/Future;)Ljava/lang/Object;",
                false);
        mv.visitInsn(Opcodes.POP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        List<String> errors = errors(cw.toByteArray());
        assertEquals(List.of("src/Odd.java:7: error: cannot transform Odd.m(Future): NEW java/lang/Object is not"
                + " followed by DUP" + System.lineSeparator()
                + "  hint: compute the awaited constructor arguments into locals before the `new`"),
                errors.stream().map(e -> e.replace(PATH, "src/")).toList());
    }
}
