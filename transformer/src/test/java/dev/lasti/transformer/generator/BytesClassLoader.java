package dev.lasti.transformer.generator;

import java.util.Map;

/**
 * Defines classes from bytes held in memory. Classes defined by a non-boot loader are verified by the JVM,
 * so loading transformed classes here checks the transformer's stack map frames.
 */
final class BytesClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    /** @param classes class files by binary name ({@code gen.P7$m0$Frame}) */
    BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super(parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }
}
