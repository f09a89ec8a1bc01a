package dev.lasti.transformer.testkit;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child-first class loader over transformed classes, with the JVM's normal verification (classes of a
 * non-boot loader are verified). Classes it holds are defined by it; everything else comes from the parent.
 */
public final class TransformingClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    private TransformingClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super(parent);
        this.classes = classes;
    }

    /**
     * Transforms every class of {@code compiled} (binary internal name to bytes) and returns a loader that
     * defines the results, frame classes included.
     *
     * @throws AssertionError if any class fails to transform, with the formatted diagnostics
     */
    public static TransformingClassLoader transformAll(Map<String, byte[]> compiled) {
        ClassTransformer transformer = ClassTransformer.create();
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : compiled.entrySet()) {
            TransformResult result = transformer.transform(entry.getValue(), entry.getKey() + ".class");
            if (result instanceof TransformResult.Transformed t) {
                out.put(entry.getKey(), t.classBytes());
                out.putAll(t.frameClasses());
            } else if (result instanceof TransformResult.Failed f) {
                throw new AssertionError("transform of " + entry.getKey() + " failed:\n" + f.diagnostics().stream()
                        .map(d -> d.format(d.defaultSourcePath())).collect(Collectors.joining("\n")));
            } else {
                out.put(entry.getKey(), entry.getValue());
            }
        }
        return new TransformingClassLoader(out, TransformingClassLoader.class.getClassLoader());
    }

    /** The compiled classes of one package on the test class path (nested classes included), by internal name. */
    public static Map<String, byte[]> compiledPackage(Class<?> anyClassInPackage) {
        String pkg = anyClassInPackage.getPackageName().replace('.', '/');
        URL url = anyClassInPackage.getClassLoader().getResource(pkg);
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            Map<String, byte[]> out = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                out.put(pkg + "/" + name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compiled bytes of one class from the test class path. */
    public static byte[] compiled(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes this loader defines for {@code internalName}, or null. */
    public byte[] bytes(String internalName) {
        return classes.get(internalName);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = classes.get(name.replace('.', '/'));
                loaded = bytes != null ? defineClass(name, bytes, 0, bytes.length) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }


}
