package dev.lasti.handwritten;

/** What the transformer stamps into every frame class it writes, repeated here for the hand-written ones. */
final class Contract {
    private Contract() {}

    /**
     * The frame format: the transformer's {@code RuntimeNames.FORMAT_VERSION}, which its {@code
     * RuntimeNamesTest} checks against the runtime; {@code FrameFormatTest} checks this copy.
     */
    static final int FORMAT = 3;
}
