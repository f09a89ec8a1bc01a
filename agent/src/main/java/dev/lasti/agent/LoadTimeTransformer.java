package dev.lasti.agent;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hook the JVM calls with each class file before defining it. A thin shell over {@link
 * ClassTransformer}: a class without lasti references costs the transformer's byte scan; a class with the
 * build-time marker passes unchanged; an {@code @Async} class is rewritten and its frame classes are
 * defined in its loader and package <em>before</em> its own bytes are returned, so no code of the owner can
 * run (and reference a frame) before the frames exist.
 *
 * <p>A class the transformer refuses (misuse, or a frame the JVM rejects) never loads half-rewritten: its
 * errors go to standard error in javac form and the class is replaced by {@link FailedClass}: the original
 * code, whose static initializer throws a {@link LinkageError} with the same text, so the first use fails
 * loudly instead of the first {@code await}.
 */
final class LoadTimeTransformer implements ClassFileTransformer {
    /**
     * Set while this thread is inside {@link #transform}. Classes loaded meanwhile are the agent's own, ASM's,
     * the JDK's and the frames it defines; none has {@code @Async} code, and transforming them would recurse.
     */
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final ClassTransformer transformer;
    private final FrameDefiner definer;
    private final Reporter reporter;

    LoadTimeTransformer(ClassTransformer transformer, FrameDefiner definer, Reporter reporter) {
        this.transformer = transformer;
        this.definer = definer;
        this.reporter = reporter;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classBytes) {
        // The boot and platform loaders hold the JDK, hidden classes have no name, and a redefinition cannot
        // add frames.
        if (loader == null || loader == PLATFORM || className == null || classBeingRedefined != null
                || ACTIVE.get()) {
            return null;
        }
        ACTIVE.set(true);
        try {
            return rewrite(loader, className, domain, classBytes);
        } catch (RuntimeException | LinkageError e) {
            // The JVM drops anything a ClassFileTransformer throws; say it, and keep the class from running.
            return refuse(className, classBytes, "lasti agent: internal error while rewriting "
                    + className.replace('/', '.') + ": " + e + "; please report this to lasti");
        } finally {
            ACTIVE.set(false);
        }
    }

    private byte[] rewrite(ClassLoader loader, String className, ProtectionDomain domain, byte[] classBytes) {
        TransformResult result = transformer.transform(classBytes, origin(className, domain));
        if (result instanceof TransformResult.Unchanged) {
            return null;
        }
        if (result instanceof TransformResult.AlreadyTransformed) {
            reporter.alreadyTransformed(className);
            return null;
        }
        if (result instanceof TransformResult.Transformed t && !hasErrors(t.diagnostics())) {
            reporter.diagnostics(t.diagnostics());
            return defineFrames(loader, className, domain, classBytes, t);
        }
        if (isCorrupt(result.diagnostics())) {
            return null; // the JVM's own ClassFormatError says it better
        }
        reporter.diagnostics(result.diagnostics());
        reporter.refused(className, "the errors above");
        return FailedClass.of(classBytes, Reporter.format(result.diagnostics()));
    }

    private byte[] defineFrames(ClassLoader loader, String className, ProtectionDomain domain, byte[] original,
                                TransformResult.Transformed t) {
        try {
            for (Map.Entry<String, byte[]> frame : t.frameClasses().entrySet()) {
                definer.define(loader, frame.getKey().replace('/', '.'), frame.getValue(), domain);
            }
        } catch (FrameDefiner.FrameDefinitionException e) {
            return refuse(className, original, "lasti agent: " + e.getMessage());
        }
        reporter.rewrote(className, t.frameClasses().size(), loader);
        return t.classBytes();
    }

    private byte[] refuse(String className, byte[] original, String why) {
        reporter.refused(className, why);
        return FailedClass.of(original, why);
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    private static boolean isCorrupt(List<Diagnostic> diagnostics) {
        return diagnostics.stream().allMatch(d -> d.message().startsWith("corrupt or truncated class file"));
    }

    /** The jar or folder the class came from, for the transformer's messages about corrupt input. */
    private static String origin(String className, ProtectionDomain domain) {
        List<String> parts = new ArrayList<>(2);
        if (domain != null && domain.getCodeSource() != null && domain.getCodeSource().getLocation() != null) {
            parts.add(domain.getCodeSource().getLocation().toString());
        }
        parts.add(className + ".class");
        return String.join("!/", parts);
    }
}
