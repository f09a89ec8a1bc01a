/**
 * The ABI between generated code and the runtime: <strong>for generated code only, with no compatibility
 * promise</strong>. Application code must not use it; what is here may change in any release, and a class
 * generated for another frame format is refused at its first suspension (see {@link
 * dev.lasti.internal.Frame#checkFormat}), with a message that names both formats and the fix.
 *
 * <p>It is exported (and public) only because generated frame classes live in their owners' packages, in
 * the users' own modules, and must reach it. Exactly this is what generated code uses:
 * <ul>
 *   <li>{@link dev.lasti.internal.Frame}: the superclass of every frame class, its {@code protected}
 *       constructor and abstract {@code resume()} and {@code resumePoint()}, and the calls
 *       {@link dev.lasti.internal.Frame#start start(Future)}, {@link dev.lasti.internal.Frame#suspend
 *       suspend(Future)}, {@link dev.lasti.internal.Frame#awaited awaited()}, {@link
 *       dev.lasti.internal.Frame#returnValue returnValue(Object)}, {@link dev.lasti.internal.Frame#nextIteration
 *       Frame.nextIteration()} (in a resume method {@link dev.lasti.internal.Frame#yieldMark
 *       frame.yieldMark()}) in place of an {@code EventLoop.yieldNow()} whose result is awaited at once,
 *       and, once per frame class from its static
 *       initializer, {@link dev.lasti.internal.Frame#checkFormat checkFormat(int, Class)};</li>
 *   <li>{@link dev.lasti.internal.Frames#isDone Frames.isDone(CompletionStage)} and {@link
 *       dev.lasti.internal.Frames#resultNow Frames.resultNow(CompletionStage)} at an await of a {@code
 *       CompletionStage} (a done stage's outcome, nothing allocated), and {@link dev.lasti.internal.Frames#adapt
 *       Frames.adapt(CompletionStage)} there when the stage is still pending;</li>
 *   <li>{@link dev.lasti.internal.FrameInfo}, the debug metadata annotation on each frame class;</li>
 *   <li>{@link dev.lasti.internal.GeneratorFrame} and {@link dev.lasti.internal.AsyncGeneratorFrame}, the
 *       superclasses of the frames of {@code @Generates} and {@code @Async @Generates} methods, with the calls
 *       their contracts describe.</li>
 * </ul>
 * Besides these, generated code calls only the public API of {@code dev.lasti} ({@code Future.isDone},
 * {@code join}, {@code completed}, {@code failed}, {@code toCompletableFuture}) and the JDK. The
 * resume index is a package-private field of each generated frame class, not of {@code Frame}, so nothing
 * here is publicly mutable. The transformer keeps every one of these names in its {@code RuntimeNames},
 * and its {@code RuntimeNamesTest} checks them against this package.
 */
package dev.lasti.internal;
