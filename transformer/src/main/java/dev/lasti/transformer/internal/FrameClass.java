package dev.lasti.transformer.internal;

import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the frame class of one async method:
 * <pre>
 * &#64;FrameInfo(source = "Orders.java", owner = "a.Orders", method = "place(I)Ldev/lasti/Future;", lines = {42})
 * final synthetic class Orders$place$Frame extends dev.lasti.internal.Frame {
 *     int resumePoint;        // and static { Frame.checkFormat(..) }, resumePoint(): see FrameContract
 *     Orders this$0;          // one typed field per saved slot
 *     int local1$count;
 *     long stack0;
 *     Orders$place$Frame() { super(); }
 *     protected Object resume() { return Orders.place$resume(this); }
 * }
 * </pre>
 * The name is {@code Owner$m$Frame} for the only async method named {@code m}; overloads are numbered in
 * member order ({@code Owner$m$1$Frame}, {@code Owner$m$2$Frame}), skipping any name already used, so that
 * {@code m()}, {@code m(int)} and {@code m$2()} get {@code Owner$m$1$Frame}, {@code Owner$m$3$Frame} and
 * {@code Owner$m$2$Frame}. {@link Names#plan} chooses them; {@code @FrameInfo.method} maps one back.
 */
final class FrameClass {
    private FrameClass() {}

    static byte[] write(int version, String owner, boolean ownerIsInterface, String sourceFile, String method,
                        FrameLayout layout) {
        return write(version, owner, ownerIsInterface, sourceFile, method, layout, FrameKind.ASYNC);
    }

    /** As above; a generator's frame class extends {@code GeneratorFrame} instead of {@code Frame}. */
    static byte[] write(int version, String owner, boolean ownerIsInterface, String sourceFile, String method,
                        FrameLayout layout, FrameKind kind) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, layout.frameClass(), null,
                kind.superInit().owner(), null);
        if (sourceFile != null) {
            cw.visitSource(sourceFile, null);
        }
        AnnotationVisitor info = cw.visitAnnotation(RuntimeNames.FRAME_INFO, /* visible = */ true);
        info.visit("source", sourceFile != null ? sourceFile : "Unknown");
        info.visit("owner", Type.getObjectType(owner).getClassName());
        info.visit("method", method);
        int[] lines = layout.sites().stream().mapToInt(p -> p.site().line()).toArray();
        info.visit("lines", lines);
        info.visitEnd();
        FrameContract.write(cw, layout.frameClass());
        for (Map.Entry<String, String> field : layout.fields().entrySet()) {
            cw.visitField(0, field.getKey(), field.getValue(), null, null).visitEnd();
        }
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, kind.superInit().owner(), "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor resume = cw.visitMethod(Opcodes.ACC_PROTECTED, RuntimeNames.RESUME_NAME,
                RuntimeNames.RESUME_DESC, null, null);
        resume.visitCode();
        resume.visitVarInsn(Opcodes.ALOAD, 0);
        resume.visitMethodInsn(Opcodes.INVOKESTATIC, owner, layout.resumeName(), layout.resumeDescriptor(),
                ownerIsInterface);
        resume.visitInsn(Opcodes.ARETURN);
        resume.visitMaxs(0, 0);
        resume.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
