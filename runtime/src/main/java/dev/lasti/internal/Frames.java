package dev.lasti.internal;

import dev.lasti.Future;
import java.util.concurrent.CompletionStage;

/**
 * Static helpers: {@link #adapt} is called by generated code, so its descriptor is part of the contract; the
 * rest serve the runtime's own descriptions of tasks and stay package-private.
 */
public final class Frames {
    private Frames() {}

    /**
     * Turns the argument of {@code await(CompletionStage)} into a {@link Future}. A done {@link
     * java.util.concurrent.CompletableFuture} becomes a done future, so the await does not suspend.
     */
    public static <T> Future<T> adapt(CompletionStage<T> stage) {
        return Future.from(stage);
    }

    /** "Orders.placeOrder (Orders.java)" for a frame class, from its {@link FrameInfo}. */
    static String describe(Class<?> frameClass) {
        FrameInfo info = frameClass.getAnnotation(FrameInfo.class);
        if (info == null) {
            return frameClass.getName();
        }
        String method = info.method();
        int paren = method.indexOf('(');
        return info.owner() + "." + (paren < 0 ? method : method.substring(0, paren)) + " (" + info.source() + ")";
    }

    /** "Orders.java:42" for resume point {@code k} of a frame class, or "resume point k" without metadata. */
    static String line(Class<?> frameClass, int resumePoint) {
        FrameInfo info = frameClass.getAnnotation(FrameInfo.class);
        if (info == null || resumePoint < 1 || resumePoint > info.lines().length) {
            return "resume point " + resumePoint;
        }
        return info.source() + ":" + info.lines()[resumePoint - 1];
    }
}
