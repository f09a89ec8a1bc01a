package dev.lasti.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The stand-in for a class the agent could not rewrite: the original class file with its static
 * initializer replaced by {@code throw new LinkageError(message)}. The class keeps its name and members, so
 * whatever refers to it still links, but nothing in it runs: creating an instance, calling a static method
 * or initializing a subclass throws the diagnostics (later uses see {@code NoClassDefFoundError: Could not
 * initialize class}, with this error as its cause). Keeping the original code instead would let the first
 * {@code await} fail far from the cause, with the runtime's "not transformed" message.
 */
final class FailedClass {
    /** A string constant holds at most 65,535 bytes of modified UTF-8; diagnostics stay far below. */
    private static final int MAX_MESSAGE = 16_000;

    private FailedClass() {}

    /**
     * @param original the class file as the JVM offered it
     * @param message what went wrong, the text of the {@link LinkageError}
     * @return the stand-in's class file, or {@code null} (the original bytes) if they cannot even be parsed
     */
    static byte[] of(byte[] original, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + " ..." : message;
        try {
            ClassReader reader = new ClassReader(original);
            // COMPUTE nothing: the one new method has no branches, and copying the rest needs no frames.
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ThrowingInitializer(writer, text), 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Drops the class's {@code <clinit>} and writes one that throws. */
    private static final class ThrowingInitializer extends ClassVisitor {
        private final String message;

        ThrowingInitializer(ClassVisitor next, String message) {
            super(Opcodes.ASM9, next);
            this.message = message;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return name.equals("<clinit>") ? null : super.visitMethod(access, name, descriptor, signature,
                    exceptions);
        }

        @Override
        public void visitEnd() {
            MethodVisitor init = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            init.visitCode();
            init.visitTypeInsn(Opcodes.NEW, "java/lang/LinkageError");
            init.visitInsn(Opcodes.DUP);
            init.visitLdcInsn(message);
            init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/LinkageError", "<init>", "(Ljava/lang/String;)V",
                    false);
            init.visitInsn(Opcodes.ATHROW);
            init.visitMaxs(3, 0);
            init.visitEnd();
            super.visitEnd();
        }
    }
}
