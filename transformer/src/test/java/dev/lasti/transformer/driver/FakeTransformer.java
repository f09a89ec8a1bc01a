package dev.lasti.transformer.driver;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Stands in for the real transformer so the driver is tested on its own. It decides by the class's simple
 * name: {@code Async*} classes are "transformed" (a marker field is added and one frame class
 * {@code Owner$run$Frame} produced, marked like a real frame class), {@code Broken*} fail with an error at line 42, {@code Bad*} are
 * transformed into code that does not verify; everything else is unchanged. A class with the marker field
 * is already transformed.
 */
final class FakeTransformer implements ClassTransformer {
    static final String MARKER = "lasti$fake";

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public TransformResult transform(byte[] classBytes, String origin) {
        calls.incrementAndGet();
        ClassReader reader = new ClassReader(classBytes);
        String name = reader.getClassName();
        String simple = name.substring(name.lastIndexOf('/') + 1);
        if (hasMarker(reader)) {
            return new TransformResult.AlreadyTransformed(List.of());
        }
        if (simple.startsWith("Broken")) {
            return new TransformResult.Failed(List.of(new Diagnostic(Diagnostic.Severity.ERROR, name,
                    simple + ".java", 42, "await inside a synchronized block in " + simple + ".load()",
                    "move the await out of the synchronized block")));
        }
        if ((simple.startsWith("Async") || simple.startsWith("Bad")) && !simple.contains("$")) {
            ClassWriter writer = new ClassWriter(reader, 0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visitEnd() {
                    FieldVisitor fv = super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC
                            | Opcodes.ACC_SYNTHETIC, MARKER, "Z", null, null);
                    fv.visitEnd();
                    super.visitEnd();
                }
            }, 0);
            Map<String, byte[]> frames = new LinkedHashMap<>();
            String frame = name + "$run$Frame";
            frames.put(frame, simple.startsWith("Bad") ? Fixtures.unverifiableClass(frame)
                    : Fixtures.frameClass(frame, name));
            return new TransformResult.Transformed(writer.toByteArray(), frames, List.of());
        }
        return new TransformResult.Unchanged(List.of());
    }

    private static boolean hasMarker(ClassReader reader) {
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature,
                                           Object value) {
                found[0] |= fieldName.equals(MARKER);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return found[0];
    }
}
