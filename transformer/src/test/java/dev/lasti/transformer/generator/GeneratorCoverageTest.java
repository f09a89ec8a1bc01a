package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.generator.ProgramGenerator.Program;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks that the fixed seed set really contains every shape the brief asks for, by looking for each
 * shape's text in the generated async code (and, for hosts and signatures, in the whole unit). A generator change that loses a shape fails here, not silently.
 */
class GeneratorCoverageTest {
    /** Shape name to a pattern that only that shape produces in the async rendering. */
    private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

    static {
        shape("for loop", "\\bfor \\(int i\\d+ = 0; ");
        shape("while loop", "\\bwhile \\(i\\d+ < ");
        shape("do-while loop", "\\bdo\\n");
        shape("await in a loop condition", "(for|while) \\([^\\n]*await\\(");
        shape("enhanced for over an awaited array", "for \\((int|long) e\\d+ : await\\(");
        shape("enhanced for over a list", "java\\.util\\.List\\.of\\(");
        shape("labeled break", "break L\\d+;");
        shape("labeled continue", "continue L\\d+;");
        shape("switch statement on int, colon form", "case 0:\\n");
        shape("switch statement on String, arrow form", "case \"a\" ->\\n");
        shape("switch expression", "\\(switch \\(");
        shape("switch on an enum", "switch \\(Color\\.values\\(\\)");
        shape("instanceof pattern used across an await", "instanceof String p\\d+ \\? \\(len\\(p\\d+\\) \\+ [^\\n]*await\\(");
        shape("try/catch", "catch \\(GenException ex\\d+\\)");
        shape("catch-all RuntimeException", "catch \\(RuntimeException ex\\d+\\)");
        shape("ArithmeticException from division", "catch \\(ArithmeticException ex\\d+\\)");
        shape("finally", "\\bfinally\\n");
        shape("rethrow", "throw ex\\d+;");
        shape("throw with a message", "throw new GenException\\(");
        shape("failed future awaited", "await\\(s\\.<\\w+>fail\\(");
        shape("await on a CompletionStage", "await\\(s\\.stage\\(");
        shape("f(a, await(b), c)", "mix\\([^;]*await\\(");
        shape("x + await(y)", " [-+*] await\\(");
        shape("arr[await(i)] = await(v)", "\\w+\\[await\\([^\\n]*\\] [+^]?= [^\\n]*await\\(");
        shape("string concatenation with await", "\\(\"?\\w*\"? \\+ await\\(s\\.next\\(\"");
        shape("c ? await(a) : b", " \\? await\\(");
        shape("a && await(b)", " && await\\(");
        shape("new Pair(await(x), ...) with NEW on the stack", "new Pair\\(await\\(");
        shape("nested async call", "await\\(m\\d\\(");
        shape("array initialiser with awaits", "new (int|long)\\[\\] \\{await\\(");
        shape("static async method awaiting a static one", "await\\(m\\d\\(s, t, ");
        shape("long local", "\\blong v\\d+ = ");
        shape("double local", "\\bdouble v\\d+ = ");
        shape("float local", "\\bfloat v\\d+ = ");
        shape("byte local", "\\bbyte v\\d+ = ");
        shape("short local", "\\bshort v\\d+ = ");
        shape("char local", "\\bchar v\\d+ = ");
        shape("boolean local", "\\bboolean v\\d+ = ");
        shape("null constant on the stack", "\\(\\(String\\) null\\)");
        // The last statement of a body is a return at indent 1; an early one sits deeper, inside an if.
        shape("early return", "\\n {12,}return Future\\.completed\\(");
    }

    /** Shape name to a pattern that only that shape produces in the whole unit: hosts and signatures. */
    private static final Map<String, Pattern> HOSTS = new LinkedHashMap<>();

    static {
        host("static nested class", "\\n    static final class N\\d+ \\{");
        host("inner class", "\\n    final class I\\d+ \\{");
        host("local class", "\\n        final class L\\d+ \\{");
        host("anonymous class", "return new Task<\\w+>\\(\\) \\{\\n\\s+@Async");
        host("async lambda", "static Task<\\w+> f\\d+\\(Sched s, StringBuilder t\\) \\{\\n\\s+return \\(a, b, c, d, depth\\) ->\\n");
        host("method reference to an @Async method", "Task<\\w+> f = new P\\d+\\(s, t\\)::");
        host("interface default method", "@Async\\n\\s+default ");
        host("interface static method", "interface S\\d+ \\{\\n\\n\\s+@Async\\n\\s+static ");
        host("enum method", "enum E\\d+ \\{\\n        ONE, TWO;\\n\\n\\s+@Async");
        host("enum constant body method", "ONE \\{\\n\\n\\s+@Async\\n\\s+@Override ");
        host("record method", "record R\\d+\\(Sched s, StringBuilder t\\) \\{\\n\\n\\s+@Async");
        host("package-private top-level class", "\\nfinal class P\\d+\\$Q\\d+ \\{");
        host("generic method", "@Async\\n\\s+[a-z ]*<V extends CharSequence> Future<");
        host("varargs method", "@Async\\n[^\\n]*, int\\.\\.\\. more\\)");
        host("$ in a method name", "@Async\\n\\s+[a-z ]*Future<\\w+> (m\\d+\\$q|\\$\\d+m)\\(");
        host("a name numbered like an overload's frame (m3$2)", "@Async\\n\\s+[a-z ]*Future<\\w+> m\\d+\\$\\d+\\(");
        host("call through an entry", "await\\(P\\d+\\.e\\d+\\(s, t, ");
        host("await on a stage completed on another thread", "await\\(s\\.stageElsewhere\\(");
    }

    private static void shape(String name, String regex) {
        SHAPES.put(name, Pattern.compile(regex));
    }

    private static void host(String name, String regex) {
        HOSTS.put(name, Pattern.compile(regex));
    }

    @Test
    void fixedSeedSet_containsEveryHostAndSignatureShape_inAtLeastTenPrograms() {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class));
        Map<String, Integer> counts = new LinkedHashMap<>();
        HOSTS.keySet().forEach(k -> counts.put(k, 0));
        counts.put("overloaded @Async method", 0);
        counts.put("method whose runs are cancelled", 0);
        for (long seed = 0; seed < GeneratedProgramsTest.FIXED; seed++) {
            Program p = generator.generate(seed);
            String unit = ProgramWriter.render(p);
            HOSTS.forEach((name, pattern) -> {
                if (pattern.matcher(unit).find()) {
                    counts.merge(name, 1, Integer::sum);
                }
            });
            long names = p.methods().stream().map(m -> m.signature().name()).distinct().count();
            counts.merge("overloaded @Async method", names < p.methods().size() ? 1 : 0, Integer::sum);
            boolean cancelled = p.methods().stream().anyMatch(m -> !m.callsAsync());
            counts.merge("method whose runs are cancelled", cancelled ? 1 : 0, Integer::sum);
        }
        counts.forEach((name, n) -> assertTrue(n >= 10, "only " + n + " of " + GeneratedProgramsTest.FIXED
                + " programs contain " + name + "; all counts: " + counts));
    }

    @Test
    void fixedSeedSet_containsEveryShape_inAtLeastTenPrograms() {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class));
        Map<String, Integer> counts = new LinkedHashMap<>();
        SHAPES.keySet().forEach(k -> counts.put(k, 0));
        for (long seed = 0; seed < GeneratedProgramsTest.FIXED; seed++) {
            String async = asyncOnly(generator.generate(seed));
            SHAPES.forEach((name, p) -> {
                if (p.matcher(async).find()) {
                    counts.merge(name, 1, Integer::sum);
                }
            });
        }
        counts.forEach((name, n) -> assertTrue(n >= 10, "only " + n + " of " + GeneratedProgramsTest.FIXED
                + " programs contain " + name + "; all counts: " + counts));
    }

    @Test
    void recursion_appearsAsAMethodAwaitingItself() {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class));
        int recursive = 0;
        for (long seed = 0; seed < GeneratedProgramsTest.FIXED; seed++) {
            for (ProgramGenerator.Method m : generator.generate(seed).methods()) {
                StringBuilder out = new StringBuilder();
                m.body().render(Mode.ASYNC, 0, out);
                recursive += out.indexOf("await(" + m.signature().name() + "(") >= 0 ? 1 : 0;
            }
        }
        assertTrue(recursive >= 50, "only " + recursive + " recursive methods");
    }

    @Test
    void returnInsideTry_withAFinallyBlock_appears() {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class));
        int methods = 0;
        for (long seed = 0; seed < GeneratedProgramsTest.FIXED; seed++) {
            for (ProgramGenerator.Method m : generator.generate(seed).methods()) {
                methods += returnsThroughFinally(m.body()) ? 1 : 0;
            }
        }
        assertTrue(methods >= 50, "only " + methods + " methods return through a finally block");
    }

    /** Whether some try with a finally block has a return inside its try block. */
    private static boolean returnsThroughFinally(Stmt s) {
        return children(s).stream().anyMatch(GeneratorCoverageTest::returnsThroughFinally)
                || s instanceof Stmt.Try t && t.fin() != null && contains(t.body(), Stmt.Return.class);
    }

    private static boolean contains(Stmt s, Class<? extends Stmt> kind) {
        return kind.isInstance(s) || children(s).stream().anyMatch(c -> contains(c, kind));
    }

    /** The statements directly inside {@code s}. */
    static java.util.List<Stmt> children(Stmt s) {
        java.util.List<Stmt> out = new java.util.ArrayList<>();
        if (s instanceof Stmt.Block b) {
            out.addAll(b.body());
        } else if (s instanceof Stmt.If i) {
            out.add(i.then());
            if (i.orElse() != null) {
                out.add(i.orElse());
            }
        } else if (s instanceof Stmt.Loop l) {
            out.add(l.body());
        } else if (s instanceof Stmt.ForEach f) {
            out.add(f.body());
        } else if (s instanceof Stmt.Switch w) {
            out.addAll(w.arms());
            out.add(w.otherwise());
        } else if (s instanceof Stmt.Try t) {
            out.add(t.body());
            t.catches().forEach(c -> out.add(c.body()));
            if (t.fin() != null) {
                out.add(t.fin());
            }
        }
        return out;
    }

    /** The async methods' bodies only, so the twins and helpers cannot match a pattern. */
    private static String asyncOnly(Program p) {
        StringBuilder out = new StringBuilder();
        for (ProgramGenerator.Method m : p.methods()) {
            m.body().render(Mode.ASYNC, 1, out);
        }
        return out.toString();
    }
}
