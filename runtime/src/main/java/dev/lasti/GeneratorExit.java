package dev.lasti;

/**
 * What {@link Generator#close()} throws in at the suspended {@link Yield#yield(Object) yield}, Python's {@code
 * GeneratorExit}: it runs the generator's {@code finally} blocks. It is an {@link Error}, so a {@code catch
 * (Exception e)} in the body does not swallow it; a body that catches it and yields again makes {@code close()}
 * fail with {@link IllegalStateException} ("generator ignored GeneratorExit").
 */
public final class GeneratorExit extends Error {
    private static final long serialVersionUID = 1L;

    /** The one kind of exit: no stack trace, since it is control flow. */
    public GeneratorExit() {
        super("generator closed", null, false, false);
    }
}
