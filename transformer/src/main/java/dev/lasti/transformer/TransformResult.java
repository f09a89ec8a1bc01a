package dev.lasti.transformer;

import java.util.List;
import java.util.Map;

/** What {@link ClassTransformer#transform} made of one class file. */
public sealed interface TransformResult {
    /** Diagnostics found along the way; errors only in {@link Failed}. */
    List<Diagnostic> diagnostics();

    /** The class has no {@code @Async} method and no await: the input bytes stand as they are. */
    record Unchanged(List<Diagnostic> diagnostics) implements TransformResult {}

    /** The class carries lasti's marker already: the input bytes stand as they are. */
    record AlreadyTransformed(List<Diagnostic> diagnostics) implements TransformResult {}

    /**
     * The rewritten class plus the frame classes it needs.
     *
     * @param classBytes the new bytes of the input class
     * @param frameClasses new classes, by internal name (e.g. {@code a/Orders$placeOrder$Frame}), to be
     *     written next to it, in a deterministic order
     */
    record Transformed(byte[] classBytes, Map<String, byte[]> frameClasses, List<Diagnostic> diagnostics)
            implements TransformResult {}

    /** The class cannot be transformed; {@link #diagnostics()} holds at least one error. */
    record Failed(List<Diagnostic> diagnostics) implements TransformResult {}
}
