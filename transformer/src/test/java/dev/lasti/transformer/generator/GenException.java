package dev.lasti.transformer.generator;

/**
 * The exception generated programs throw on purpose. It is unchecked so generated code needs no
 * {@code throws} clauses, and it lives on the test class path so both renderings share the class.
 */
public final class GenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GenException(String message) {
        super(message);
    }
}
