package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Generator;
import dev.lasti.transformer.generator.ProgramGenerator.Method;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import dev.lasti.transformer.generator.ProgramGenerator.Signature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shows that the generator mode's comparison has teeth: hand-written generators whose twins disagree on
 * purpose (another value, a twin that swallows a throw-in) are reported under the consumers that expose them,
 * while an honest one, whose {@code finally} block yields (so a close is ignored), is not.
 */
class GeneratorRunnerTest {
    /** Before SOURCE, which uses it. */
    private static final List<String> METHODS = List.of("honest", "lying", "deaf", "delegating");
    private static final String SOURCE = """
            package gen;

            import dev.lasti.Generates;
            import dev.lasti.Generator;
            import dev.lasti.Yield;
            import dev.lasti.transformer.generator.GenException;
            import dev.lasti.transformer.generator.Sched;
            import dev.lasti.transformer.generator.Sent;

            public final class HandGen {
                @Generates
                public static Generator<Object> honest(Sched s, StringBuilder t, int a, long b, int depth) {
                    long x = b;
                    try {
                        for (int i = 0; i < 3; i++) {
                            x += Sent.gotJ(Yield.yield(x));
                            t.append("x=").append(x).append(';');
                        }
                    } catch (GenException e) {
                        t.append("c=").append(e.getMessage()).append(';');
                    } finally {
                        t.append("fin;");
                        a += Sent.gotI(Yield.yield(a));
                    }
                    return Yield.done((int) x + a);
                }

                public static int honest$plain(Sched s, StringBuilder t, int a, long b, int depth) {
                    long x = b;
                    try {
                        for (int i = 0; i < 3; i++) {
                            x += s.y().yJ(depth, x);
                            t.append("x=").append(x).append(';');
                        }
                    } catch (GenException e) {
                        t.append("c=").append(e.getMessage()).append(';');
                    } finally {
                        t.append("fin;");
                        a += s.y().yI(depth, a);
                    }
                    return (int) x + a;
                }

                @Generates
                public static Generator<Object> lying(Sched s, StringBuilder t, int a, long b, int depth) {
                    return Yield.done(Sent.gotI(Yield.yield(a)));
                }

                public static int lying$plain(Sched s, StringBuilder t, int a, long b, int depth) {
                    return s.y().yI(depth, a + 1);
                }

                @Generates
                public static Generator<Object> deaf(Sched s, StringBuilder t, int a, long b, int depth) {
                    int x = Sent.gotI(Yield.yield(a));
                    return Yield.done(x + Sent.gotI(Yield.yield(x)));
                }

                public static int deaf$plain(Sched s, StringBuilder t, int a, long b, int depth) {
                    int x;
                    try {
                        x = s.y().yI(depth, a);
                    } catch (GenException ignored) {
                        x = 0; // the twin swallows a throw-in the generator does not catch
                    }
                    return x + s.y().yI(depth, x);
                }

                /** Returns 5 on a close: its finally block's exception replaces the exit, and it is caught. */
                @Generates
                static Generator<Object> returnsOnExit(StringBuilder t, int a) {
                    try {
                        try {
                            a += Sent.gotI(Yield.yield(a));
                        } finally {
                            if (a > -1000) {
                                throw new GenException("fin");
                            }
                        }
                    } catch (GenException e) {
                        t.append("caught;");
                    }
                    return Yield.done(5);
                }

                static int returnsOnExit$plain(Sched s, StringBuilder t, int a, int depth) {
                    try {
                        try {
                            a += s.y().yI(depth, a);
                        } finally {
                            if (a > -1000) {
                                throw new GenException("fin");
                            }
                        }
                    } catch (GenException e) {
                        t.append("caught;");
                    }
                    return 5;
                }

                /** Closed while it delegates, it gets the exit although the inner generator returned. */
                @Generates
                public static Generator<Object> delegating(Sched s, StringBuilder t, int a, long b, int depth) {
                    int v = Yield.<Integer>from(returnsOnExit(t, a));
                    t.append("after;");
                    return Yield.done(v + Sent.gotI(Yield.yield(v)));
                }

                public static int delegating$plain(Sched s, StringBuilder t, int a, long b, int depth) {
                    int v = s.y().fromI(s.y().mark(), returnsOnExit$plain(s, t, a, depth - 1));
                    t.append("after;");
                    return v + s.y().yI(depth, v);
                }
            """ + entries() + "}\n";

    /** {@code e<i>} and {@code e<i>$plain} with the parameters every generated entry has. */
    private static String entries() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < METHODS.size(); i++) {
            String m = METHODS.get(i);
            out.append("    public static Generator<Object> e").append(i).append("(Sched s, StringBuilder t, ")
                    .append(ProgramGenerator.PARAMS).append(") {\n        return ").append(m)
                    .append("(s, t, a, b, depth);\n    }\n");
            out.append("    public static int e").append(i).append("$plain(Sched s, StringBuilder t, ")
                    .append(ProgramGenerator.PARAMS).append(") {\n        return ").append(m)
                    .append("$plain(s, t, a, b, depth);\n    }\n");
        }
        return out.toString();
    }

    @Test
    void anHonestGenerator_agreesWithItsTwin_underEveryConsumer() throws Exception {
        assertEquals(List.of(), run("honest"));
    }

    @Test
    void aCloseWhileDelegating_throwsTheExitInTheCaller_evenWhenTheInnerGeneratorReturns() throws Exception {
        assertEquals(List.of(), run("delegating"));
        YieldOutcome closed = GeneratorRunner.twin(load(), signature("delegating"), Args.forSeed(42, 0),
                new Drive.CloseAt(1), Mode.GENERATOR);
        assertEquals("closed", closed.end());
        assertEquals("caught;", closed.trace()); // no "after;": the exit ended the caller at its Yield.from
    }

    @Test
    void aYieldInAFinallyBlock_makesCloseIgnoreTheExit_inTheTwinAsInTheGenerator() throws Exception {
        Class<?> type = load();
        Signature sig = signature("honest");
        Object[] args = Args.forSeed(42, 0);
        YieldOutcome expected = GeneratorRunner.twin(type, sig, args, new Drive.CloseAt(2), Mode.GENERATOR);
        assertEquals(YieldOutcome.ignoredExit(Mode.GENERATOR), expected.end());
        assertEquals("SUSPENDED", expected.state());
        assertTrue(expected.trace().endsWith("fin;"), expected.trace());
        StringBuilder trace = new StringBuilder();
        @SuppressWarnings("unchecked")
        Generator<Object> g = (Generator<Object>) Args.invoke(type, sig.entry(), null, trace, args);
        assertNull(expected.difference(GeneratorRunner.drive(g, new Drive.CloseAt(2), trace)));
    }

    @Test
    void aTwinThatYieldsAnotherValue_isReported_underEveryConsumer() throws Exception {
        List<Finding> findings = run("lying");
        for (String consumer : List.of("next", "forEach", "send", "throwAt(1)", "closeAt(1)")) {
            assertTrue(findings.stream().anyMatch(f -> f.detail().startsWith("lying under " + consumer + ":")),
                    consumer + " missing in " + findings);
        }
    }

    @Test
    void aTwinThatSwallowsAThrowIn_isReported_onlyWhereSomethingIsThrownIn() throws Exception {
        List<Finding> findings = run("deaf");
        assertTrue(findings.stream().anyMatch(f -> f.detail().startsWith("deaf under throwAt(1):")), String.valueOf(findings));
        assertTrue(findings.stream().allMatch(f -> f.detail().contains("throwAt(") || f.detail().contains("random(")),
                String.valueOf(findings));
    }

    private static Class<?> load() {
        Map<String, byte[]> compiled = new InMemoryCompiler().compile(List.of(new InMemoryCompiler.Source("gen.HandGen", SOURCE)));
        ProgramTransformer.Result t = new ProgramTransformer().transform(compiled);
        assertNull(t.error());
        try {
            return new BytesClassLoader(t.classes(), GeneratorRunnerTest.class.getClassLoader()).loadClass("gen.HandGen");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Signature signature(String name) {
        return new Signature(METHODS.indexOf(name), name, JType.INT, true, Host.TOP, Host.Extra.NONE);
    }

    private static List<Finding> run(String method) throws Exception {
        Program program = new Program(42, "HandGen",
                List.of(new Method(signature(method), new Stmt.Block(List.of()), false)), Mode.GENERATOR);
        return new GeneratorRunner().run(program, load());
    }
}
