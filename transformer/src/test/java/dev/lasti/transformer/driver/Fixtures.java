package dev.lasti.transformer.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files made with ASM for driver tests; the driver never looks inside them, the fake does. */
final class Fixtures {
    private Fixtures() {}

    /** A public class with a default constructor and a source file attribute. */
    static byte[] emptyClass(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        cw.visitSource(internalName.substring(internalName.lastIndexOf('/') + 1) + ".java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A stand-in for a generated frame class: synthetic and annotated {@code @FrameInfo} like the real ones,
     * for the async method {@code run()} of {@code owner}.
     */
    static byte[] frameClass(String internalName, String owner) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, internalName, null,
                "java/lang/Object", null);
        org.objectweb.asm.AnnotationVisitor info = cw.visitAnnotation("Ldev/lasti/internal/FrameInfo;", true);
        info.visit("source", owner.substring(owner.lastIndexOf('/') + 1) + ".java");
        info.visit("owner", owner.replace('/', '.'));
        info.visit("method", "run()Ldev/lasti/Future;");
        info.visit("lines", new int[] {42});
        info.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class whose only method returns an int from a {@code void} method: the verifier must reject it. */
    static byte[] unverifiableClass(String internalName) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "broken", "()V", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Writes {@link #emptyClass} for {@code internalName} under {@code root} and returns its path. */
    static Path writeClass(Path root, String internalName) throws IOException {
        Path file = root.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, emptyClass(internalName));
        return file;
    }
}
