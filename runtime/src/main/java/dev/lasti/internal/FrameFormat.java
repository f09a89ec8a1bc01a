package dev.lasti.internal;

/** The text of a frame-format mismatch: which class, both formats, which side is older, and the fix. */
final class FrameFormat {
    private FrameFormat() {}

    static String mismatch(Class<?> frameClass, int classFormat, int runtimeFormat) {
        String runtime = Frame.class.getPackage().getImplementationVersion();
        String newer = classFormat > runtimeFormat ? "a newer lasti transformer than this runtime"
                : "an older lasti transformer than this runtime";
        return "lasti: " + name(frameClass) + " was generated for frame format " + classFormat
                + ", but this lasti runtime" + (runtime != null ? " (" + runtime + ")" : "")
                + " understands frame format " + runtimeFormat + " only: the class was built by " + newer
                + ". Rebuild it with the lasti-maven-plugin (or the lasti agent or transformer) of the same"
                + " lasti version as the lasti-runtime dependency, or align the lasti-runtime dependency with the"
                + " plugin.";
    }

    private static String name(Class<?> frameClass) {
        if (frameClass.getAnnotation(FrameInfo.class) == null) {
            return frameClass.getName();
        }
        return frameClass.getName() + " (the frame of " + Frames.describe(frameClass) + ")";
    }
}
