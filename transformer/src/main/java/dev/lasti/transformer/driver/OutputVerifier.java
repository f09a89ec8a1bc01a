package dev.lasti.transformer.driver;

import dev.lasti.transformer.Diagnostic;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Checks the driver's output with ASM's data-flow verifier before it is written, so a transformer bug shows
 * up as a build error naming the method rather than as a {@code VerifyError} at run time.
 *
 * <p>The verifier's assignability questions are answered from class-file headers ({@link ClassHeaders}: the
 * pending output, then the classes folders, the classpath and the JDK), never by loading a class. Loading
 * would put the rewritten classes and their unchanged neighbours in two class loaders, splitting one runtime
 * package in two, so every package-private access across the split would fail although the real program
 * is fine.
 */
final class OutputVerifier implements Closeable {
    private final ClassHeaders headers;

    /**
     * @param pending the output about to be written, by internal name
     * @param roots the classes folders
     * @param classpath the compile classpath
     */
    OutputVerifier(Map<String, byte[]> pending, List<Path> roots, List<Path> classpath) {
        this.headers = new ClassHeaders(pending, roots, classpath);
    }

    /**
     * The problems found in one class: an error for each method that fails verification, a warning for each
     * one that could not be checked because it names a type found nowhere. Empty if every method verifies.
     */
    List<Diagnostic> verify(byte[] classBytes) {
        return verify(classBytes, Map.of());
    }

    /**
     * As {@link #verify(byte[])}, but skips each method that is the same as in the class the transformer was
     * given ({@link UnchangedMethods}): javac's code the pass left alone needs no second opinion, and it is
     * most of a typical class.
     *
     * @param original the input class's bytes
     */
    List<Diagnostic> verifyChanged(byte[] classBytes, byte[] original) {
        return verify(classBytes, UnchangedMethods.of(original));
    }

    private List<Diagnostic> verify(byte[] classBytes, Map<String, MethodNode> before) {
        ClassNode node = new ClassNode();
        // The data-flow analysis uses neither debug information nor the stack map frames (it computes its
        // own), so skipping them leaves fewer nodes to read and to step over; the source file name an error
        // needs is read again only then.
        new ClassReader(classBytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Type superType = node.superName == null ? null : Type.getObjectType(node.superName);
        List<Type> interfaces = node.interfaces.stream().map(Type::getObjectType).toList();
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        List<Diagnostic> found = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (UnchangedMethods.same(before.get(method.name + method.desc), method)) {
                continue;
            }
            HeaderVerifier verifier =
                    new HeaderVerifier(headers, Type.getObjectType(node.name), superType, interfaces, isInterface);
            String where = node.name.replace('/', '.') + "." + method.name + method.desc;
            try {
                new Analyzer<BasicValue>(verifier).analyze(node.name, method);
            } catch (AnalyzerException e) {
                ClassHeaders.UnknownTypeException unknown = unknownType(e);
                found.add(unknown != null ? notChecked(node.name, classBytes, where, unknown)
                        : new Diagnostic(Diagnostic.Severity.ERROR, node.name, sourceFile(classBytes), -1,
                                "transformed code fails bytecode verification in " + where + ": " + e.getMessage(),
                                "this is a lasti transformer bug; please report it with this class file"));
            } catch (ClassHeaders.UnknownTypeException e) {
                found.add(notChecked(node.name, classBytes, where, e));
            }
        }
        return found;
    }

    /** The missing type behind an analyzer failure, if that is what it was (ASM wraps interpreter errors). */
    private static ClassHeaders.UnknownTypeException unknownType(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassHeaders.UnknownTypeException u) {
                return u;
            }
        }
        return null;
    }

    /**
     * A method the verifier cannot judge: the JVM would need the missing type too, but a build whose classpath
     * lacks an optional dependency may still be valid, so this is a warning, never a refusal.
     */
    private static Diagnostic notChecked(String owner, byte[] classBytes, String where,
                                         ClassHeaders.UnknownTypeException e) {
        return new Diagnostic(Diagnostic.Severity.WARNING, owner, sourceFile(classBytes), -1,
                "transformed code not verified in " + where + ": " + e.getMessage(),
                "add the jar or folder with " + e.type().replace('/', '.') + " to the compile classpath to have"
                        + " this method checked; the class was written as transformed");
    }

    /** The class's {@code SourceFile} attribute, or {@code null}. */
    private static String sourceFile(byte[] classBytes) {
        ClassNode header = new ClassNode();
        new ClassReader(classBytes).accept(header, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return header.sourceFile;
    }

    @Override
    public void close() throws IOException {
        headers.close();
    }
}
