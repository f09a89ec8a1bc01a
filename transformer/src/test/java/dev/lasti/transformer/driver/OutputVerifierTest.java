package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The verifier on hand-made classes: it answers hierarchy questions from class headers (pending output
 * first, then folders, classpath and JDK), still rejects bad code, and never crashes on a missing type.
 */
class OutputVerifierTest {
    @TempDir
    Path disk;

    /** {@code class name extends superName implements interfaces}, with nothing in it. */
    private static byte[] header(String name, String superName, int access, String... interfaces) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, access, name, null, superName, interfaces);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code p/User} whose {@code call(LargType;)V} passes its argument to {@code p/User.take(LparamType;)V}. */
    private static byte[] passes(String argType, String paramType) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "p/User", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "call", "(L" + argType + ";)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "p/User", "take", "(L" + paramType + ";)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code p/User.pick(Z)V}: {@code flag ? new a() : new b()} then passes the merge to {@code take(Lparam;)V}. */
    private static byte[] merges(String a, String b, String param) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "p/User", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "pick", "(Z)V", null, null);
        mv.visitCode();
        Label other = new Label();
        Label join = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFEQ, other);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitTypeInsn(Opcodes.CHECKCAST, a);
        mv.visitJumpInsn(Opcodes.GOTO, join);
        mv.visitLabel(other);
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitTypeInsn(Opcodes.CHECKCAST, b);
        mv.visitLabel(join);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "p/User", "take", "(L" + param + ";)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private List<Diagnostic> verify(Map<String, byte[]> pending, byte[] classBytes) throws Exception {
        try (OutputVerifier verifier = new OutputVerifier(pending, List.of(disk), List.of())) {
            return verifier.verify(classBytes);
        }
    }

    private void onDisk(String name, byte[] bytes) throws Exception {
        Path file = disk.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void acceptsASubclassWhereItsPackagePrivateSuperclassIsExpected_acrossPendingAndDisk() throws Exception {
        onDisk("p/Base", header("p/Base", "java/lang/Object", Opcodes.ACC_ABSTRACT | Opcodes.ACC_SUPER));
        byte[] sub = header("p/Sub", "p/Base", Opcodes.ACC_SUPER);

        assertEquals(List.of(), verify(Map.of("p/Sub", sub), passes("p/Sub", "p/Base")));
    }

    @Test
    void rejectsAnUnrelatedClassWhereAClassIsExpected() throws Exception {
        onDisk("p/Base", header("p/Base", "java/lang/Object", Opcodes.ACC_SUPER));

        List<Diagnostic> found = verify(Map.of(), passes("java/lang/String", "p/Base"));

        assertEquals(1, found.size(), found.toString());
        assertEquals(Diagnostic.Severity.ERROR, found.get(0).severity());
        assertTrue(found.get(0).message().contains("fails bytecode verification in p.User.call"),
                found.get(0).message());
    }

    @Test
    void readsThePendingHeaderBeforeTheStaleOneOnDisk() throws Exception {
        onDisk("p/Sub", header("p/Sub", "java/lang/Object", Opcodes.ACC_SUPER)); // javac's old version
        onDisk("p/Base", header("p/Base", "java/lang/Object", Opcodes.ACC_SUPER));
        byte[] now = header("p/Sub", "p/Base", Opcodes.ACC_SUPER);

        assertEquals(List.of(), verify(Map.of("p/Sub", now), passes("p/Sub", "p/Base")));
        assertEquals(1, verify(Map.of(), passes("p/Sub", "p/Base")).size(), "the disk version is not a Base");
    }

    @Test
    void mergesTwoSiblingsToTheirCommonSuperclass() throws Exception {
        onDisk("p/Base", header("p/Base", "java/lang/Object", Opcodes.ACC_ABSTRACT | Opcodes.ACC_SUPER));
        onDisk("p/Left", header("p/Left", "p/Base", Opcodes.ACC_SUPER));
        byte[] right = header("p/Right", "p/Base", Opcodes.ACC_SUPER);

        assertEquals(List.of(), verify(Map.of("p/Right", right), merges("p/Left", "p/Right", "p/Base")));
        onDisk("p/Stray", header("p/Stray", "java/lang/Object", Opcodes.ACC_SUPER));
        assertEquals(1, verify(Map.of("p/Right", right), merges("p/Stray", "p/Right", "p/Base")).size());
    }

    @Test
    void acceptsAClassImplementingAPackagePrivateInterface_andJdkTypesFromTheJdksClassFiles() throws Exception {
        onDisk("p/Src", header("p/Src", "java/lang/Object", Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT));
        byte[] impl = header("p/Impl", "java/util/ArrayList", Opcodes.ACC_SUPER, "p/Src");

        assertEquals(List.of(), verify(Map.of("p/Impl", impl), passes("p/Impl", "p/Src")));
        assertEquals(List.of(), verify(Map.of("p/Impl", impl), passes("p/Impl", "java/util/AbstractList")));
        assertEquals(1, verify(Map.of("p/Impl", impl), passes("p/Impl", "java/util/HashMap")).size());
    }

    @Test
    void warnsInsteadOfCrashing_whenATypeIsNowhere() throws Exception {
        List<Diagnostic> found = verify(Map.of(), passes("q/Missing", "q/AlsoMissing"));

        assertEquals(1, found.size(), found.toString());
        Diagnostic d = found.get(0);
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertTrue(d.message().contains("not verified in p.User.call") && d.message().contains("q.AlsoMissing")
                && d.message().contains("neither in the output nor on the classpath"), d.message());
    }

    @Test
    void readsTypesFromClasspathJars() throws Exception {
        Path jar = disk.resolve("lib.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("lib/Base.class"));
            out.write(header("lib/Base", "java/lang/Object", Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER));
            out.closeEntry();
        }
        byte[] sub = header("p/Sub", "lib/Base", Opcodes.ACC_SUPER);
        try (OutputVerifier verifier = new OutputVerifier(Map.of("p/Sub", sub), List.of(), List.of(jar))) {
            assertEquals(List.of(), verifier.verify(passes("p/Sub", "lib/Base")));
        }
    }
}
