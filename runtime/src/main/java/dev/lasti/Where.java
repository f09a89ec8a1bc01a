package dev.lasti;

import dev.lasti.internal.Frame;
import dev.lasti.internal.FrameInfo;

/**
 * Where a suspended task is, read from its frame class's {@link FrameInfo} and its resume index: the user's
 * class and method, and the file and line of the await it is suspended at ({@code -1} if unknown).
 */
record Where(String owner, String method, String file, int line) {
    /** Reads the frame's position now; racy but harmless from another thread (diagnostics only). */
    static Where of(Frame<?> frame) {
        FrameInfo info = frame.getClass().getAnnotation(FrameInfo.class);
        if (info == null) {
            return new Where(frame.getClass().getName(), "?", null, -1);
        }
        String m = info.method();
        int paren = m.indexOf('(');
        int k = frame.resumePoint();
        int line = k >= 1 && k <= info.lines().length ? info.lines()[k - 1] : -1;
        return new Where(info.owner(), paren < 0 ? m : m.substring(0, paren), info.source(), line);
    }

    /** {@code Orders.place (Orders.java:42)}, with the owner's simple name, as the task tree prints it. */
    String format() {
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        String at = file == null ? "Unknown Source" : line < 0 ? file : file + ":" + line;
        return simple + "." + method + " (" + at + ")";
    }
}
