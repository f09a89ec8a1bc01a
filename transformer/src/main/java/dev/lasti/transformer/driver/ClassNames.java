package dev.lasti.transformer.driver;

import org.objectweb.asm.ClassReader;

/** Small helpers for class names. */
final class ClassNames {
    private ClassNames() {}

    /** The internal name ({@code a/b/C}) a class file declares, read from its header only. */
    static String internalName(byte[] classBytes) {
        return new ClassReader(classBytes).getClassName();
    }
}
