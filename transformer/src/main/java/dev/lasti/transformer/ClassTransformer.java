package dev.lasti.transformer;

/**
 * The pure entry point: class bytes in, a {@link TransformResult} out. Loads no classes, touches no files,
 * and gives the same output for the same input. Safe to share between threads.
 */
public interface ClassTransformer {
    /**
     * Transforms one class file.
     *
     * @param classBytes the class file's bytes
     * @param origin where the bytes came from (a path or a jar entry), used only in error messages about
     *     corrupt input
     */
    TransformResult transform(byte[] classBytes, String origin);

    /** The transformer with default options. */
    static ClassTransformer create() {
        return new dev.lasti.transformer.internal.AsyncClassTransformer();
    }
}
