package dev.lasti.internal;

import dev.lasti.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Static helpers: {@link #isDone(CompletionStage)}, {@link #resultNow(CompletionStage)} and {@link #adapt} are
 * called by generated code, so their descriptors are part of the contract; the rest serve the runtime's own
 * descriptions of tasks and stay package-private.
 */
public final class Frames {
    private Frames() {}

    /**
     * The fast path of {@code await(CompletionStage)}: whether the stage's {@link CompletableFuture} is
     * already done, so {@link #resultNow(CompletionStage)} can take its outcome without waiting. Allocates
     * nothing for a {@code CompletableFuture}. A stage that cannot give a {@code CompletableFuture} (its
     * {@code toCompletableFuture} is optional) counts as not done, and takes the slow path.
     */
    public static boolean isDone(CompletionStage<?> stage) {
        CompletableFuture<?> cf = completable(stage);
        return cf != null && cf.isDone();
    }

    /**
     * The outcome of a stage {@link #isDone(CompletionStage)} said is done, as {@code await} promises it: the
     * value (no allocation), or the failure thrown as it is, a {@link CompletionException} unwrapped to its
     * cause, a cancellation as its {@link java.util.concurrent.CancellationException}.
     */
    public static Object resultNow(CompletionStage<?> stage) {
        try {
            return completable(stage).join();
        } catch (CompletionException e) {
            throw sneaky(e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * The stage's {@code CompletableFuture}, or {@code null} if it has none. Only a plain {@code
     * CompletableFuture} is used as it is: a subclass may refuse its own methods (the JDK's {@code
     * minimalCompletionStage} throws from {@code isDone} and {@code join}), so it is asked through {@code
     * toCompletableFuture}, as any other stage.
     */
    private static CompletableFuture<?> completable(CompletionStage<?> stage) {
        if (stage.getClass() == CompletableFuture.class) {
            return (CompletableFuture<?>) stage;
        }
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * Turns the argument of {@code await(CompletionStage)} into a {@link Future}, on the slow path that
     * {@link #isDone(CompletionStage)} did not take.
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

    /**
     * "Generator[Owner.m, suspended at Owner.java:12]" or "Generator[Owner.m, CLOSED]" style description of
     * a generator frame; {@code kind} is "Generator" or "AsyncGenerator".
     */
    static String describeGenerator(String kind, Class<?> frameClass, dev.lasti.Generator.State state,
                                    int resumePoint) {
        String where = describe(frameClass);
        return state == dev.lasti.Generator.State.SUSPENDED
                ? kind + "[" + where + ", suspended at " + line(frameClass, resumePoint) + "]"
                : kind + "[" + where + ", " + state + "]";
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
