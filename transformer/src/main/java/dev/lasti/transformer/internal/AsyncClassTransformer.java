package dev.lasti.transformer.internal;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The class-level driver: reads the class, skips it when there is nothing to do, checks every method,
 * transforms the async ones, and writes the class with lasti's marker plus one frame class per async method
 * that awaits.
 */
public final class AsyncClassTransformer implements ClassTransformer {
    @Override
    public TransformResult transform(byte[] classBytes, String origin) {
        if (!mentionsLasti(classBytes)) {
            try {
                new ClassReader(classBytes); // parses the header and constant pool: a corrupt file still fails
            } catch (RuntimeException e) {
                return corrupt(origin, e);
            }
            return new TransformResult.Unchanged(List.of());
        }
        ClassNode owner = new ClassNode();
        Set<String> referenced;
        try {
            ClassReader reader = new ClassReader(classBytes);
            reader.accept(owner, ClassReader.EXPAND_FRAMES);
            referenced = Names.referencedClasses(reader, owner);
        } catch (RuntimeException e) {
            return corrupt(origin, e);
        }
        if (hasMarker(owner)) {
            return new TransformResult.AlreadyTransformed(List.of());
        }
        Map<MethodNode, List<AwaitSite>> sites = new HashMap<>();
        boolean anything = false;
        for (MethodNode method : owner.methods) {
            boolean generator = Misuse.isAnnotatedGenerator(method);
            if (generator && method.instructions.size() > 0) {
                GeneratorEntry.insert(method);
            }
            TypedAwaits.untype(method);
            List<AwaitSite> found = AwaitSite.find(method);
            sites.put(method, found);
            anything |= !found.isEmpty() || Misuse.isAnnotatedAsync(method) || generator;
        }
        if (!anything) {
            return new TransformResult.Unchanged(List.of());
        }
        Misuse misuse = new Misuse(owner);
        Map<MethodNode, Misuse.Kind> kinds = new HashMap<>();
        List<MethodNode> framed = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            kinds.put(method, misuse.check(method, sites.get(method)));
            if (kinds.get(method) != Misuse.Kind.PLAIN && !sites.get(method).isEmpty()) {
                framed.add(method);
            }
        }
        List<Diagnostic> errors = new ArrayList<>(misuse.errors());
        Map<MethodNode, Names.Generated> names = Names.plan(owner, framed, referenced);
        GeneratedNames generated = new GeneratedNames(owner, referenced);
        Map<String, byte[]> frameClasses = new LinkedHashMap<>();
        List<MethodNode> methods = new ArrayList<>();
        for (MethodNode method : owner.methods) {
            methods.add(method);
            if (kinds.get(method) == Misuse.Kind.PLAIN) {
                continue;
            }
            try {
                FrameKind kind = switch (kinds.get(method)) {
                    case GENERATOR -> FrameKind.GENERATOR;
                    case ASYNC_GENERATOR -> FrameKind.ASYNC_GENERATOR;
                    default -> FrameKind.ASYNC;
                };
                MethodTransformer.Result result = MethodTransformer.transform(owner, method, sites.get(method),
                        names.get(method), kind);
                if (result.resume() != null) {
                    generated.claim(result);
                    methods.add(result.resume());
                    frameClasses.put(result.frameClassName(), result.frameClass());
                }
            } catch (UninitializedNews.UnsupportedShape e) {
                errors.add(cannotTransform(misuse, owner, method, e.getMessage(),
                        "compute the awaited constructor arguments into locals before the `new`"));
            } catch (TypeAnalysis.InvalidCode e) {
                errors.add(cannotTransform(misuse, owner, method, "its bytecode cannot be followed: " + e.getMessage(),
                        "javac never writes such code; if the tool that wrote this class is a compiler, its output"
                                + " likely fails the JVM's verifier too (if it was javac, please report this to lasti)"));
            } catch (GeneratedNames.Clash e) {
                errors.add(cannotTransform(misuse, owner, method, "internal error: " + e.getMessage(),
                        "this is a lasti transformer bug; please report it with the class file"));
            } catch (AnalyzerException | RuntimeException e) {
                // an input the analysis does not understand, or a transformer bug: never a silent degrade
                errors.add(cannotTransform(misuse, owner, method, e.toString(),
                        "please report this to lasti with the class file; the method cannot be made async"));
            }
        }
        if (!errors.isEmpty()) {
            return new TransformResult.Failed(errors);
        }
        owner.methods = methods;
        if (owner.invisibleAnnotations == null) {
            owner.invisibleAnnotations = new ArrayList<>();
        }
        owner.invisibleAnnotations.add(new AnnotationNode(RuntimeNames.TRANSFORMED_MARKER));
        try {
            ClassWriter writer = new NoHierarchyClassWriter();
            owner.accept(writer);
            return new TransformResult.Transformed(writer.toByteArray(), frameClasses, List.of());
        } catch (RuntimeException e) {
            return new TransformResult.Failed(List.of(new Diagnostic(Diagnostic.Severity.ERROR, owner.name,
                    owner.sourceFile, -1, "cannot write transformed class " + owner.name + ": " + e, null)));
        }
    }

    private static Diagnostic cannotTransform(Misuse misuse, ClassNode owner, MethodNode method, String reason,
                                              String hint) {
        return new Diagnostic(Diagnostic.Severity.ERROR, owner.name, owner.sourceFile, misuse.lineOf(method),
                "cannot transform " + Names.display(owner.name, method) + ": " + reason, hint);
    }

    private static final byte[] LASTI = "dev/lasti/".getBytes(StandardCharsets.US_ASCII);
    private static final List<byte[]> NEEDED = List.of("Await".getBytes(StandardCharsets.US_ASCII),
            "Async;".getBytes(StandardCharsets.US_ASCII), "internal/Transformed;".getBytes(StandardCharsets.US_ASCII),
            "Yield".getBytes(StandardCharsets.US_ASCII), "Generates;".getBytes(StandardCharsets.US_ASCII));

    /**
     * Whether the class file could need work: every await call names the class {@code dev/lasti/Await},
     * every {@code @Async} method carries {@code Ldev/lasti/Async;}, and a transformed class {@code
     * Ldev/lasti/internal/Transformed;}, each as a constant-pool string, byte for byte. Without one of
     * them there is no method to check, so the class tree is never built: a module without {@code @Async}
     * code pays a byte scan per class. A false positive only means the full look.
     */
    static boolean mentionsLasti(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - LASTI.length; i++) {
            for (int j = 0; j < LASTI.length; j++) {
                if (bytes[i + j] != LASTI[j]) {
                    continue outer;
                }
            }
            for (byte[] rest : NEEDED) {
                if (Arrays.equals(bytes, i + LASTI.length, Math.min(bytes.length, i + LASTI.length + rest.length),
                        rest, 0, rest.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasMarker(ClassNode owner) {
        return owner.invisibleAnnotations != null
                && owner.invisibleAnnotations.stream().anyMatch(a -> a.desc.equals(RuntimeNames.TRANSFORMED_MARKER));
    }

    private static TransformResult corrupt(String origin, RuntimeException e) {
        String name = origin.replace('\\', '/');
        name = name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : name;
        return new TransformResult.Failed(List.of(new Diagnostic(Diagnostic.Severity.ERROR, name, null, -1,
                "corrupt or truncated class file " + origin + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")",
                "delete it and rebuild; lasti only reads class files javac wrote")));
    }

    /**
     * Computes max stack and locals only. Frames come from the transformer, so ASM must never ask for a common
     * superclass (which would load classes).
     */
    private static final class NoHierarchyClassWriter extends ClassWriter {
        NoHierarchyClassWriter() {
            super(ClassWriter.COMPUTE_MAXS);
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            throw new IllegalStateException("lasti never loads classes; asked for the common superclass of "
                    + type1 + " and " + type2);
        }
    }
}
