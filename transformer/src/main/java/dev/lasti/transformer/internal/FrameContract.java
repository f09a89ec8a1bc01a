package dev.lasti.transformer.internal;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The members of a frame class that carry the contract with the runtime, apart from the saved state:
 * <pre>
 *   int resumePoint;                                   // package-private: written by the owner's code
 *   static { Frame.checkFormat(FORMAT_VERSION, Owner$m$Frame.class); }
 *   public int resumePoint() { return resumePoint; }   // the runtime reads it through Frame
 * </pre>
 * The format check runs once, when the first suspension allocates the frame, so a class built by a transformer
 * of another format fails there with one message naming both formats; no call pays for it afterwards.
 */
final class FrameContract {
    private FrameContract() {}

    static void write(ClassVisitor cv, String frameClass) {
        cv.visitField(0, RuntimeNames.RESUME_POINT, "I", null, null).visitEnd();
        MethodVisitor clinit = cv.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitLdcInsn(RuntimeNames.FORMAT_VERSION);
        clinit.visitLdcInsn(Type.getObjectType(frameClass));
        RuntimeNames.MethodRef check = RuntimeNames.CHECK_FORMAT;
        clinit.visitMethodInsn(check.opcode(), check.owner(), check.name(), check.descriptor(), check.isInterface());
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        MethodVisitor get = cv.visitMethod(Opcodes.ACC_PUBLIC, RuntimeNames.RESUME_POINT,
                RuntimeNames.RESUME_POINT_DESC, null, null);
        get.visitCode();
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitFieldInsn(Opcodes.GETFIELD, frameClass, RuntimeNames.RESUME_POINT, "I");
        get.visitInsn(Opcodes.IRETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
    }
}
