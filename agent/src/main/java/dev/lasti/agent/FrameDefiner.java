package dev.lasti.agent;

import java.security.ProtectionDomain;

/** Defines a class in a given class loader, so that it shares a runtime package with the class beside it. */
@FunctionalInterface
interface FrameDefiner {
    /**
     * Defines {@code binaryName} in {@code loader} unless the loader has it already.
     *
     * @param binaryName e.g. {@code a.Orders$place$Frame}
     * @param domain the protection domain of the class the new one belongs to
     * @throws FrameDefinitionException if the JVM refuses the class
     */
    void define(ClassLoader loader, String binaryName, byte[] bytes, ProtectionDomain domain);

    /** The JVM refused a frame class; the message says which and why. */
    final class FrameDefinitionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FrameDefinitionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
