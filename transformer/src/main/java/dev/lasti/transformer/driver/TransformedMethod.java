package dev.lasti.transformer.driver;

/**
 * One {@code @Async} method the run rewrote, recovered from the name of the frame class written for it
 * (the transformer's result names frame classes, not methods).
 *
 * @param className binary name of the owner, e.g. {@code a.b.Orders}
 * @param method the method's name as encoded in the frame class, e.g. {@code placeOrder} or {@code placeOrder$2}
 *     for the second overload
 * @param frameClass internal name of the frame class, e.g. {@code a/b/Orders$placeOrder$Frame}
 */
public record TransformedMethod(String className, String method, String frameClass) {
    private static final String FRAME_SUFFIX = "$Frame";

    /**
     * Derives the method from a frame class name {@code Owner$method$Frame}.
     *
     * @param ownerInternalName internal name of the transformed class
     * @param frameInternalName internal name of one of its frame classes
     */
    static TransformedMethod of(String ownerInternalName, String frameInternalName) {
        String method = frameInternalName;
        String prefix = ownerInternalName + "$";
        if (method.startsWith(prefix)) {
            method = method.substring(prefix.length());
        }
        if (method.endsWith(FRAME_SUFFIX)) {
            method = method.substring(0, method.length() - FRAME_SUFFIX.length());
        }
        return new TransformedMethod(ownerInternalName.replace('/', '.'), method, frameInternalName);
    }

    /** {@code a.b.Orders.placeOrder}, as listed in verbose output. */
    @Override
    public String toString() {
        return className + "." + method;
    }
}
