package dev.lasti.transformer.driver;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The class hierarchy the verifier needs, read from class-file headers only: no class is ever loaded or
 * defined, so a package split between rewritten and unchanged classes is still one package, and no user code
 * can run. Looks a name up in the pending output first (it replaces what is on disk), then the classes
 * folders, the classpath (folders and jars, in order) and last the JDK's own class files. One instance per
 * driver run; it caches every answer, and is safe to share between worker threads.
 */
final class ClassHeaders implements Closeable {
    /**
     * The part of a class file the hierarchy needs.
     *
     * @param name internal name
     * @param superName internal name of the superclass, {@code null} for {@code java/lang/Object}
     * @param interfaces internal names of the direct superinterfaces
     * @param isInterface whether the class is an interface
     */
    record Header(String name, String superName, List<String> interfaces, boolean isInterface) {}

    /** Thrown when a type the verifier must know about is on none of the searched paths. */
    static final class UnknownTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        UnknownTypeException(String type) {
            super("type " + type.replace('/', '.') + " is neither in the output nor on the classpath", null,
                    false, false);
            this.type = type;
        }

        /** The missing type's internal name. */
        String type() {
            return type;
        }
    }

    private final Map<String, byte[]> pending;
    private final List<Path> folders = new ArrayList<>();
    private final List<Path> jarPaths = new ArrayList<>();
    private final Map<Path, ZipFile> openJars = new ConcurrentHashMap<>();
    private final Map<String, Optional<Header>> cache = new ConcurrentHashMap<>();

    /**
     * @param pending the output about to be written, by internal name
     * @param roots the classes folders
     * @param classpath the compile classpath (folders and jars; entries that are neither are ignored)
     */
    ClassHeaders(Map<String, byte[]> pending, List<Path> roots, List<Path> classpath) {
        this.pending = pending;
        folders.addAll(roots);
        for (Path p : classpath) {
            if (Files.isDirectory(p)) {
                folders.add(p);
            } else if (Files.isRegularFile(p)) {
                jarPaths.add(p);
            }
        }
    }

    /** The header of {@code internalName}; throws {@link UnknownTypeException} if it is nowhere. */
    Header get(String internalName) {
        return cache.computeIfAbsent(internalName, n -> Optional.ofNullable(read(n)).map(ClassHeaders::parse))
                .orElseThrow(() -> new UnknownTypeException(internalName));
    }

    private byte[] read(String name) {
        byte[] bytes = pending.get(name);
        if (bytes != null) {
            return bytes;
        }
        try {
            String file = name + ".class";
            for (Path folder : folders) {
                Path candidate = folder.resolve(file);
                if (Files.isRegularFile(candidate)) {
                    return Files.readAllBytes(candidate);
                }
            }
            for (Path jar : jarPaths) {
                ZipFile zip = openJars.computeIfAbsent(jar, ClassHeaders::open);
                ZipEntry entry = zip.getEntry(file);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            }
            // The JDK's class files as bytes: a resource read, not a class load (".class" resources are never
            // encapsulated by modules).
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(file)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + name, e);
        }
    }

    private static ZipFile open(Path jar) {
        try {
            return new ZipFile(jar.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open classpath entry " + jar, e);
        }
    }

    private static Header parse(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        return new Header(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ZipFile zip : openJars.values()) {
            try {
                zip.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        openJars.clear();
        if (first != null) {
            throw first;
        }
    }
}
