package dev.lasti.transformer.driver;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Tells lasti's generated frame classes from the user's classes by what they carry, not by their names
 * (which a user class can share): a frame class is {@code ACC_SYNTHETIC} and annotated {@code @FrameInfo}.
 */
final class FrameMarker {
    private static final String FRAME_INFO = "Ldev/lasti/internal/FrameInfo;";

    private FrameMarker() {}

    /**
     * What a frame class's {@code @FrameInfo} says.
     *
     * @param owner the owner's binary name, dotted
     * @param method the async method's name and descriptor, e.g. {@code m(I)Ldev/lasti/Future;}
     */
    record Info(String owner, String method) {}

    /** The frame information of {@code classBytes}, or {@code null} if it is not a lasti frame class. */
    static Info read(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        if ((reader.getAccess() & Opcodes.ACC_SYNTHETIC) == 0) {
            return null;
        }
        String[] found = new String[2];
        boolean[] annotated = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (!descriptor.equals(FRAME_INFO)) {
                    return null;
                }
                annotated[0] = true;
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        if (name.equals("owner")) {
                            found[0] = (String) value;
                        } else if (name.equals("method")) {
                            found[1] = (String) value;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return annotated[0] ? new Info(found[0], found[1]) : null;
    }
}
