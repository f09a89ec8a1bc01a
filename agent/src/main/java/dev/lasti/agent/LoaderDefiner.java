package dev.lasti.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Defines frame classes through the owner's own class loader ({@code ClassLoader.defineClass}), so a frame
 * lands in the owner's runtime package (and, for a named module, its module) whatever the loader is: the
 * application loader, a {@code URLClassLoader}, a test framework's loader.
 *
 * <p>{@code defineClass} is protected in {@code java.lang}, which {@code java.base} does not open. Rather
 * than ask for {@code --add-opens}, the agent opens {@code java.lang} to its own module with {@link
 * Instrumentation#redefineModule}, the one switch an agent has for this (JaCoCo does the same). The agent
 * jar sits on the class path, so its module is the class path's unnamed module: the effect is that of
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}, and no more.
 */
final class LoaderDefiner implements FrameDefiner {
    private final Method defineClass;
    private final Method findLoadedClass;

    private LoaderDefiner(Method defineClass, Method findLoadedClass) {
        this.defineClass = defineClass;
        this.findLoadedClass = findLoadedClass;
    }

    /** Opens {@code java.lang} to this class's module and looks up the two loader methods. */
    static LoaderDefiner open(Instrumentation instrumentation) {
        Module base = Object.class.getModule();
        Module self = LoaderDefiner.class.getModule();
        if (!base.isOpen("java.lang", self)) {
            instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(self)), Set.of(),
                    Map.of());
        }
        try {
            Method define = ClassLoader.class.getDeclaredMethod("defineClass", String.class, byte[].class,
                    int.class, int.class, ProtectionDomain.class);
            Method find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
            define.setAccessible(true);
            find.setAccessible(true);
            return new LoaderDefiner(define, find);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("lasti agent: cannot reach ClassLoader.defineClass on this JVM ("
                    + e + "); use the lasti Maven plugin or the command-line transformer instead", e);
        }
    }

    @Override
    public void define(ClassLoader loader, String binaryName, byte[] bytes, ProtectionDomain domain) {
        if (isLoaded(loader, binaryName)) {
            return; // the owner loaded twice in one loader (a retried definition): its frames stand
        }
        try {
            defineClass.invoke(loader, binaryName, bytes, 0, bytes.length, domain);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError && isLoaded(loader, binaryName)) {
                return; // another thread defined the same frame first
            }
            throw new FrameDefinitionException("cannot define " + binaryName + " in " + loader + ": "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new FrameDefinitionException("cannot define " + binaryName + ": " + e, e);
        }
    }

    private boolean isLoaded(ClassLoader loader, String binaryName) {
        try {
            return findLoadedClass.invoke(loader, binaryName) != null;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
