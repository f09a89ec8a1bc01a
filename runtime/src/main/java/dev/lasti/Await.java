package dev.lasti;

import java.util.concurrent.CompletionStage;

/**
 * The suspension point. {@code import static dev.lasti.Await.await;} and call it inside an {@link Async}
 * method. The transformer replaces every call at build time; the bodies here only run when it did not,
 * and then they explain how to fix the build.
 */
public final class Await {
    private Await() {}

    /**
     * Returns the value of {@code future}, suspending the calling {@link Async} method until it is done.
     * A failed future throws its original exception (not wrapped in an {@code ExecutionException}).
     *
     * @throws IllegalStateException always, when the calling method was not transformed
     */
    public static <T> T await(Future<T> future) {
        throw notTransformed();
    }

    /**
     * The same as {@link #await(Future)} for any {@link CompletionStage}. The task resumes on its own loop
     * thread, never on the thread that completed the stage.
     *
     * @throws IllegalStateException always, when the calling method was not transformed
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw notTransformed();
    }

    /**
     * The same as {@link #await(Future)}, declaring the checked exception the caller expects, so that
     * {@code catch (IOException e)} around it compiles. {@code expected} is only a type witness: it is not
     * checked at run time, and a failure of another class is thrown as it is, exactly like the plain await.
     * Any expression may supply it; the transformer evaluates and discards it.
     *
     * @throws X the failure of the future, when it is an {@code X}
     * @throws IllegalStateException always, when the calling method was not transformed
     */
    public static <T, X extends Throwable> T await(Future<T> future, Class<X> expected) throws X {
        throw notTransformed();
    }

    /**
     * {@link #await(Future, Class)} for any {@link CompletionStage}.
     *
     * @throws X the failure of the stage, when it is an {@code X}
     * @throws IllegalStateException always, when the calling method was not transformed
     */
    public static <T, X extends Throwable> T await(CompletionStage<T> stage, Class<X> expected) throws X {
        throw notTransformed();
    }

    private static IllegalStateException notTransformed() {
        String caller = StackWalker.getInstance()
                .walk(frames -> frames.skip(2).findFirst()
                        .map(f -> f.getClassName() + "." + f.getMethodName())
                        .orElse("<unknown>"));
        return new IllegalStateException("await() was called in " + caller
                + ", which lasti did not transform. Mark the method @Async and run the lasti transformer"
                + " on its class: add dev.lasti:lasti-maven-plugin with the 'transform' goal to the build"
                + " or run with the agent flag -javaagent:/path/to/lasti-agent-<version>.jar"
                + " (see the README, \"Use it in your build\").");
    }
}
