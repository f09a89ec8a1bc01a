/**
 * A random program generator for differential testing of the transformer (issue 3).
 *
 * <p>Pipeline, one class per step: {@link dev.lasti.transformer.generator.ProgramGenerator} turns a seed into
 * an AST ({@link dev.lasti.transformer.generator.Stmt}, {@link dev.lasti.transformer.generator.Expr}) using
 * {@link dev.lasti.transformer.generator.StmtGenerator}, {@link dev.lasti.transformer.generator.TryGenerator}
 * and {@link dev.lasti.transformer.generator.ExprGenerator};
 * {@link dev.lasti.transformer.generator.ProgramWriter} and {@link dev.lasti.transformer.generator.HostWriter}
 * render each method twice, as an {@code @Async} method and as its plain twin, in its
 * {@link dev.lasti.transformer.generator.Host}, with static entries that reach it; {@link dev.lasti.transformer.generator.InMemoryCompiler} compiles a batch with
 * javac; {@link dev.lasti.transformer.generator.ProgramTransformer} runs the transformer;
 * {@link dev.lasti.transformer.generator.BytesClassLoader} loads and verifies;
 * {@link dev.lasti.transformer.generator.ProgramRunner} runs each method under every
 * {@link dev.lasti.transformer.generator.Sched} policy and compares with the twin;
 * {@link dev.lasti.transformer.generator.GeneratorHarness} drives batches on two threads and writes failing
 * programs to {@code target/generator-failures/<seed>.java}.
 *
 * <p>Why twins: the twin is the same AST rendered with every {@code await(s.next(v))} replaced by
 * {@code s.nowI(v)} (which is {@code v}, counted, so a twin throws where a cancelled run is cancelled) and
 * every nested async call by the twin's call, so plain Java defines the expected value, exception and
 * event trace, and no hand-written oracle can drift from the program.
 *
 * <p>Generator mode: the same generator writes programs of another kind ({@link
 * dev.lasti.transformer.generator.Mode#GENERATOR}, {@link dev.lasti.transformer.generator.Mode#ASYNC_GENERATOR}),
 * whose methods are {@code @Generates} (or {@code @Async @Generates}) and whose suspension points are
 * {@code Sent.gotI(Yield.yield(x))} (the sent value is used like an awaited one) and {@code Yield.from} of another
 * generated generator where an async program awaits one. The twin's yield is {@code s.y().yI(depth, x)}: the
 * {@link dev.lasti.transformer.generator.YieldScript} records {@code x} and answers what the consumer's
 * {@link dev.lasti.transformer.generator.Drive} policy does next (a sent value, {@code null} for {@code next()},
 * {@code throwIn}'s exception, {@code close()}'s {@code GeneratorExit}), so the twin defines the values, the
 * trace and the ending; {@link dev.lasti.transformer.generator.GeneratorRunner} and
 * {@link dev.lasti.transformer.generator.AsyncGeneratorRunner} drive the real generator the same way.
 *
 * <p>Reproduce a seed: {@code mvn -pl transformer -am test -Dtest='GeneratedProgramsTest#propertyMode*'
 * -Dlasti.generator.count=1 -Dlasti.generator.seed=<seed>}, with {@code -Dlasti.generator.kind=GENERATOR} (or
 * {@code ASYNC_GENERATOR}) for a generator program ({@code target/generator-failures/G<seed>.java}).
 */
package dev.lasti.transformer.generator;
