package dev.lasti.transformer.driver;

import dev.lasti.transformer.Diagnostic;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * Checks the driver's output with ASM's data-flow verifier before it is written, so a transformer bug shows
 * up as a build error naming the method rather than as a {@code VerifyError} at run time.
 *
 * <p>{@link SimpleVerifier} answers assignability questions by loading classes. It loads them here in an
 * isolated loader (never the build's own) that sees the pending output first, then the classes folders and
 * the classpath; classes are loaded but never initialised, so no user code runs.
 */
final class OutputVerifier implements Closeable {
    private final PendingClassLoader loader;

    /**
     * @param pending the output about to be written, by internal name
     * @param roots the classes folders
     * @param classpath the compile classpath
     */
    OutputVerifier(Map<String, byte[]> pending, List<Path> roots, List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : roots) {
            urls.add(toUrl(p));
        }
        for (Path p : classpath) {
            urls.add(toUrl(p));
        }
        URLClassLoader disk = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.loader = new PendingClassLoader(pending, disk);
    }

    /** The errors found in one class; empty if every method verifies. */
    List<Diagnostic> verify(byte[] classBytes) {
        ClassNode node = new ClassNode();
        // The data-flow analysis uses neither debug information nor the stack map frames (it computes its
        // own), so skipping them leaves fewer nodes to read and to step over; the source file name an error
        // needs is read again only then.
        new ClassReader(classBytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Type superType = node.superName == null ? null : Type.getObjectType(node.superName);
        List<Type> interfaces = node.interfaces.stream().map(Type::getObjectType).toList();
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        List<Diagnostic> errors = new ArrayList<>();
        for (MethodNode method : node.methods) {
            SimpleVerifier verifier =
                    new SimpleVerifier(Type.getObjectType(node.name), superType, interfaces, isInterface);
            verifier.setClassLoader(loader);
            try {
                new Analyzer<BasicValue>(verifier).analyze(node.name, method);
            } catch (AnalyzerException | LinkageError e) {
                errors.add(new Diagnostic(Diagnostic.Severity.ERROR, node.name, sourceFile(classBytes), -1,
                        "transformed code fails bytecode verification in " + node.name.replace('/', '.') + "."
                                + method.name + method.desc + ": " + e.getMessage(),
                        "this is a lasti transformer bug; please report it with this class file. If the message"
                                + " names a missing class, add it to the classpath"));
            }
        }
        return errors;
    }

    /** The class's {@code SourceFile} attribute, or {@code null}. */
    private static String sourceFile(byte[] classBytes) {
        ClassNode header = new ClassNode();
        new ClassReader(classBytes).accept(header, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return header.sourceFile;
    }

    @Override
    public void close() throws IOException {
        ((URLClassLoader) loader.getParent()).close();
    }

    private static URL toUrl(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable classpath entry: " + p, e);
        }
    }

    /** Defines pending classes itself, child-first, so the verifier never sees their stale copies on disk. */
    private static final class PendingClassLoader extends ClassLoader {
        private final Map<String, byte[]> pending;

        PendingClassLoader(Map<String, byte[]> pending, ClassLoader parent) {
            super(parent);
            this.pending = pending;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = pending.get(name.replace('.', '/'));
            if (bytes == null) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
