package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * The driver verifies only what the transformer changed: a method left exactly as in the input is not
 * analysed (shown with a hand-broken one that is not reported), while any difference gets it verified.
 */
class ChangedMethodsVerifyTest {
    @TempDir
    Path disk;

    /** Code that fails verification: passes a {@code String} where {@code take(Lp/Base;)V} wants a Base. */
    private static final Consumer<MethodVisitor> BROKEN = mv -> {
        mv.visitLdcInsn("not a Base");
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "p/User", "take", "(Lp/Base;)V", false);
        mv.visitInsn(Opcodes.RETURN);
    };

    /** {@code p/User} with {@code kept()V} and {@code changed()V}, each given its own body. */
    private static byte[] user(Consumer<MethodVisitor> kept, Consumer<MethodVisitor> changed) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "p/User", null, "java/lang/Object", null);
        method(cw, "kept", kept);
        method(cw, "changed", changed);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void method(ClassWriter cw, String name, Consumer<MethodVisitor> body) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, name, "()V", null, null);
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void returns(MethodVisitor mv) {
        mv.visitInsn(Opcodes.RETURN);
    }

    /** {@code if (0 == 0) goto L; iconst_1; pop; L: nop...; return}, with {@code pops - 1} nops. */
    private static Consumer<MethodVisitor> jumpsOver(int pops) {
        return mv -> {
            Label end = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.IFEQ, end);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.POP);
            mv.visitLabel(end);
            for (int i = 1; i < pops; i++) {
                mv.visitInsn(Opcodes.NOP);
            }
            mv.visitInsn(Opcodes.RETURN);
        };
    }

    private List<Diagnostic> verifyChanged(byte[] output, byte[] input) throws Exception {
        Path base = disk.resolve("p/Base.class");
        Files.createDirectories(base.getParent());
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, "p/Base", null, "java/lang/Object", null);
        cw.visitEnd();
        Files.write(base, cw.toByteArray());
        try (OutputVerifier verifier = new OutputVerifier(Map.of(), List.of(disk), List.of())) {
            return verifier.verifyChanged(output, input);
        }
    }

    @Test
    void skipsABrokenMethodTheTransformerLeftAlone_butReportsABrokenChangedOne() throws Exception {
        byte[] input = user(BROKEN, ChangedMethodsVerifyTest::returns);
        byte[] output = user(BROKEN, BROKEN);

        List<Diagnostic> found = verifyChanged(output, input);

        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).message().contains("fails bytecode verification in p.User.changed()V"),
                found.get(0).message());
    }

    @Test
    void verifiesEveryMethodWithoutAnOriginal() throws Exception {
        try (OutputVerifier verifier = new OutputVerifier(Map.of(), List.of(disk), List.of())) {
            assertEquals(2, verifier.verify(user(BROKEN, BROKEN)).size(), "kept and changed are both broken");
        }
    }

    @Test
    void aMethodNewInTheOutputIsVerified() throws Exception {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "p/User", null, "java/lang/Object", null);
        method(cw, "kept", ChangedMethodsVerifyTest::returns);
        cw.visitEnd();

        assertEquals(2, verifyChanged(user(BROKEN, BROKEN), cw.toByteArray()).size());
    }

    @Test
    void sameComparesOperandsJumpTargetsAndAccess() {
        int s = Opcodes.ACC_STATIC;
        assertTrue(UnchangedMethods.same(node(jumpsOver(1), s), node(jumpsOver(1), s)));
        assertFalse(UnchangedMethods.same(node(jumpsOver(1), s), node(jumpsOver(2), s)), "one more instruction");
        assertFalse(UnchangedMethods.same(node(BROKEN, Opcodes.ACC_STATIC), node(mv -> {
            mv.visitLdcInsn("another constant");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "p/User", "take", "(Lp/Base;)V", false);
            mv.visitInsn(Opcodes.RETURN);
        }, Opcodes.ACC_STATIC)), "a different constant");
        assertFalse(UnchangedMethods.same(node(BROKEN, Opcodes.ACC_STATIC),
                node(BROKEN, Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED)), "different access flags");
        assertFalse(UnchangedMethods.same(null, node(BROKEN, Opcodes.ACC_STATIC)), "no method in the input");
    }

    @Test
    void sameComparesJumpTargetsByPosition() {
        Consumer<MethodVisitor> early = mv -> {
            Label l = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.IFEQ, l);
            mv.visitInsn(Opcodes.NOP);
            mv.visitLabel(l);
            mv.visitInsn(Opcodes.NOP);
            mv.visitInsn(Opcodes.RETURN);
        };
        Consumer<MethodVisitor> late = mv -> {
            Label l = new Label();
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitJumpInsn(Opcodes.IFEQ, l);
            mv.visitInsn(Opcodes.NOP);
            mv.visitInsn(Opcodes.NOP);
            mv.visitLabel(l);
            mv.visitInsn(Opcodes.RETURN);
        };
        assertFalse(UnchangedMethods.same(node(early, Opcodes.ACC_STATIC), node(late, Opcodes.ACC_STATIC)));
    }

    /** One method read back the way the verifier reads the output. */
    private static MethodNode node(Consumer<MethodVisitor> body, int access) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, "p/User", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(access, "m", "()V", null, null);
        mv.visitCode();
        body.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return UnchangedMethods.of(cw.toByteArray()).get("m()V");
    }
}
