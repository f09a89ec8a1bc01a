package dev.lasti.transformer.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One method the run rewrote: an {@code @Async} method (with or without awaits), or an async lambda body.
 * Read from what the transformer wrote (the {@code @Async} annotations of the rewritten class and the
 * {@code @FrameInfo} of each frame class), never from the shape of the frame classes' names.
 *
 * @param className binary name of the owner, e.g. {@code a.b.Orders}
 * @param method the method's name, e.g. {@code placeOrder}
 * @param descriptor the method's descriptor, e.g. {@code (I)Ldev/lasti/Future;}
 * @param frameClass internal name of its frame class; empty for a method that never awaits (it is rewritten
 *     in place and needs no frame)
 */
public record TransformedMethod(String className, String method, String descriptor, Optional<String> frameClass) {
    private static final String ASYNC = "Ldev/lasti/Async;";

    /** Orders methods by class, name and descriptor, so a summary's list does not depend on thread timing. */
    static final Comparator<TransformedMethod> ORDER = Comparator.comparing(TransformedMethod::className)
            .thenComparing(TransformedMethod::method).thenComparing(TransformedMethod::descriptor);

    /**
     * The methods one transformation rewrote.
     *
     * @param rewrittenClass the rewritten class's bytes
     * @param frameClasses its frame classes, by internal name
     */
    static List<TransformedMethod> of(byte[] rewrittenClass, Map<String, byte[]> frameClasses) {
        ClassNode node = new ClassNode();
        new ClassReader(rewrittenClass).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
                | ClassReader.SKIP_FRAMES);
        Map<String, String> frameOf = new HashMap<>();
        frameClasses.forEach((name, bytes) -> {
            FrameMarker.Info info = FrameMarker.read(bytes);
            frameOf.put(info != null && info.method() != null ? info.method() : name, name);
        });
        Set<String> methods = new LinkedHashSet<>();
        for (MethodNode m : node.methods) {
            if (isAsync(m.invisibleAnnotations) || isAsync(m.visibleAnnotations)) {
                methods.add(m.name + m.desc);
            }
        }
        methods.addAll(frameOf.keySet()); // async lambdas have a frame but no annotation
        String owner = node.name.replace('/', '.');
        List<TransformedMethod> out = new ArrayList<>();
        for (String m : methods) {
            int paren = m.indexOf('(');
            String name = paren < 0 ? m : m.substring(0, paren);
            String desc = paren < 0 ? "" : m.substring(paren);
            out.add(new TransformedMethod(owner, name, desc, Optional.ofNullable(frameOf.get(m))));
        }
        return out;
    }

    private static boolean isAsync(List<AnnotationNode> annotations) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(ASYNC));
    }

    /**
     * How verbose output lists it: {@code a.b.Orders.placeOrder (frame a/b/Orders$placeOrder$Frame)}, or
     * {@code ... (no frame: never awaits)}.
     */
    public String describe() {
        return this + frameClass.map(f -> " (frame " + f + ")").orElse(" (no frame: never awaits)");
    }

    /** {@code a.b.Orders.placeOrder}. */
    @Override
    public String toString() {
        return className + "." + method;
    }
}
