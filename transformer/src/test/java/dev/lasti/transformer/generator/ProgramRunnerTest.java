package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.generator.ProgramGenerator.Method;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import dev.lasti.transformer.generator.ProgramGenerator.Signature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Shows that the comparison has teeth: a hand-written "program" whose async method and twin disagree on
 * purpose is reported, with the schedule, while an honest one is not.
 */
class ProgramRunnerTest {
    private static final String SOURCE = """
            package gen;

            import static dev.lasti.Await.await;

            import dev.lasti.Async;
            import dev.lasti.Future;
            import dev.lasti.transformer.generator.Sched;

            public final class Handmade {
                private final Sched s;
                private final StringBuilder t;

                public Handmade(Sched s, StringBuilder t) {
                    this.s = s;
                    this.t = t;
                }

                @Async
                public Future<Integer> honest(int a, long b, double c, String d, int depth) {
                    long x = b + await(s.next(a));
                    t.append("x=").append(x).append(';');
                    return Future.completed((int) x + await(s.next(depth)));
                }

                public int honest$plain(int a, long b, double c, String d, int depth) {
                    long x = b + s.nowI(a);
                    t.append("x=").append(x).append(';');
                    return (int) x + s.nowI(depth);
                }

                @Async
                public Future<Integer> lying(int a, long b, double c, String d, int depth) {
                    int x = await(s.next(a));
                    t.append("async;");
                    return Future.completed(x);
                }

                public int lying$plain(int a, long b, double c, String d, int depth) {
                    t.append("plain;");
                    return a;
                }

                @Async
                public Future<Integer> guarded(int a, long b, double c, String d, int depth) {
                    try {
                        int x = await(s.next(a));
                        t.append("x=").append(x).append(';');
                        return Future.completed(x + await(s.next(depth)));
                    } finally {
                        t.append("fin;");
                    }
                }

                public int guarded$plain(int a, long b, double c, String d, int depth) {
                    try {
                        int x = s.nowI(a);
                        t.append("x=").append(x).append(';');
                        return x + s.nowI(depth);
                    } finally {
                        t.append("fin;");
                    }
                }

                /** A twin that does not count its awaits: only the cancelled runs can tell. */
                public int deaf$plain(int a, long b, double c, String d, int depth) {
                    try {
                        int x = a;
                        t.append("x=").append(x).append(';');
                        return x + depth;
                    } finally {
                        t.append("fin;");
                    }
                }

                public static Future<Integer> e2(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).guarded(a, b, c, d, depth);
                }

                public static int e2$plain(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).guarded$plain(a, b, c, d, depth);
                }

                public static Future<Integer> e3(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).guarded(a, b, c, d, depth);
                }

                public static int e3$plain(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).deaf$plain(a, b, c, d, depth);
                }

                public static Future<Integer> e0(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).honest(a, b, c, d, depth);
                }

                public static int e0$plain(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).honest$plain(a, b, c, d, depth);
                }

                public static Future<Integer> e1(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).lying(a, b, c, d, depth);
                }

                public static int e1$plain(Sched s, StringBuilder t, int a, long b, double c, String d, int depth) {
                    return new Handmade(s, t).lying$plain(a, b, c, d, depth);
                }
            }
            """;

    @Test
    void reportsTheTraceAndSchedule_whenAsyncMethodAndTwinDisagree() throws Exception {
        List<Finding> findings = run("lying");
        assertEquals(Finding.Kind.MISMATCH, findings.get(0).kind());
        assertTrue(findings.get(0).detail().startsWith("lying under allDone: trace differs"), findings.get(0).detail());
        assertTrue(findings.stream().anyMatch(f -> f.detail().contains("under allSuspend")));
    }

    @Test
    void reportsNothing_whenAsyncMethodMatchesItsTwinUnderEverySchedule() throws Exception {
        assertEquals(List.of(), run("honest"));
    }

    @Test
    void cancelledRun_throwsCancellationExceptionAtTheAwait_runsFinally_andMatchesTheCountingTwin() throws Exception {
        assertEquals(List.of(), run("guarded"));
        Class<?> type = load();
        Signature sig = signature("guarded");
        ExecutorService completer = Executors.newSingleThreadExecutor();
        try {
            for (int k = 1; k <= 2; k++) {
                Sched.Policy cancel = new Sched.CancelAt(k);
                Outcome actual = ProgramRunner.runAsync(type, sig, ARGS, new Sched(cancel, completer)).outcome();
                assertEquals("java.util.concurrent.CancellationException", actual.exception(), actual.describe());
                assertEquals(Sched.CANCELLED, actual.message());
                assertTrue(actual.trace().endsWith("fin;"), actual.trace());
                assertNull(Outcome.plain(type, sig, ARGS, Sched.plainFor(cancel)).difference(actual));
            }
        } finally {
            completer.shutdownNow();
        }
    }

    @Test
    void cancelledRuns_catchATwinThatIgnoresCancellation() throws Exception {
        List<Finding> findings = run("deaf");
        assertTrue(!findings.isEmpty() && findings.stream().allMatch(f -> f.detail().contains("under cancelAt(")),
                String.valueOf(findings));
    }

    @Test
    void outcomeDifference_namesThePartThatDiffers() {
        Outcome expected = new Outcome("1", null, null, "a;");
        assertNull(expected.difference(new Outcome("1", null, null, "a;")));
        assertEquals("value", expected.difference(new Outcome("2", null, null, "a;")));
        assertEquals("trace", expected.difference(new Outcome("1", null, null, "b;")));
        assertEquals("outcome", expected.difference(new Outcome(null, "x.GenException", "m", "a;")));
    }

    private static final Object[] ARGS = {3, 4L, 0.5, "a", 2};
    private static final List<String> METHODS = List.of("honest", "lying", "guarded", "deaf");

    private static Class<?> load() throws Exception {
        Map<String, byte[]> compiled = new InMemoryCompiler().compile(List.of(new InMemoryCompiler.Source("gen.Handmade", SOURCE)));
        ProgramTransformer.Result t = new ProgramTransformer().transform(compiled);
        assertNull(t.error());
        return new BytesClassLoader(t.classes(), ProgramRunnerTest.class.getClassLoader()).loadClass("gen.Handmade");
    }

    /** Method {@code name} of {@code Handmade}, reached through entry {@code e<i>} for its index in METHODS. */
    private static Signature signature(String name) {
        return new Signature(METHODS.indexOf(name), name, JType.INT, false, Host.TOP, Host.Extra.NONE);
    }

    private static List<Finding> run(String method) throws Exception {
        Class<?> type = load();
        Program program = new Program(42, "Handmade",
                List.of(new Method(signature(method), new Stmt.Block(List.of()), false)));
        ExecutorService completer = Executors.newSingleThreadExecutor();
        try {
            return new ProgramRunner(completer, true).run(program, type);
        } finally {
            completer.shutdownNow();
        }
    }
}
