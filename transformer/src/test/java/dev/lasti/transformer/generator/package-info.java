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
 * <p>Reproduce a seed: {@code mvn -pl transformer -am test -Dtest='GeneratedProgramsTest#propertyMode*'
 * -Dlasti.generator.count=1 -Dlasti.generator.seed=<seed>}.
 */
package dev.lasti.transformer.generator;
