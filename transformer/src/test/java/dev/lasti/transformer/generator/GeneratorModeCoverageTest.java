package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.generator.ProgramGenerator.Method;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link GeneratorCoverageTest} for the generator modes: the fixed generator and async generator seed sets
 * must contain every shape the generator mode is for, found in the transformed rendering's text or in the
 * AST. A change that loses one (a yield that no longer reaches a finally block, a delegation that is never
 * written) fails here instead of leaving the differential test green and empty.
 */
class GeneratorModeCoverageTest {
    /** Shape name to a pattern that only that shape produces in a generator method's transformed body. */
    private static final Map<String, Pattern> TEXT = new LinkedHashMap<>();
    /** Shape name to a test on one statement of a generator method, looked for in every statement. */
    private static final Map<String, Predicate<Stmt>> TREE = new LinkedHashMap<>();
    private static final String YIELD = "Yield\\.yield\\(";

    static {
        text("yield in a loop condition", "(for|while) \\([^\\n]*" + YIELD);
        text("sent value in arithmetic: x + yield", " [-+*] Sent\\.got\\w+\\(" + YIELD);
        text("wide value on the stack across a yield", "\\((b|c|v\\d+) [-+*] Sent\\.got[JD]\\(" + YIELD);
        text("f(a, yield(b), c)", "mix\\([^;]*" + YIELD);
        text("yield of a sent value", YIELD + "Sent\\.got");
        text("c ? yield(a) : b", " \\? Sent\\.got");
        text("yield in a switch expression arm", "case \\w+ -> Sent\\.got");
        text("new Pair(yield(x), ...) with NEW on the stack", "new Pair\\(Sent\\.got");
        text("yielded array stored into", "\\w+\\[Sent\\.got[^\\n]*\\] [+^]?= ");
        text("for-each over a yielded array", "for \\((int|long) e\\d+ : Sent\\.got");
        text("long local live across a yield", "\\blong (v\\d+) = [^\\n]*\\n(?:.*\\n)*?.*" + YIELD + "(?:.*\\n)*?.*\\b\\1\\b");
        text("double local live across a yield", "\\bdouble (v\\d+) = [^\\n]*\\n(?:.*\\n)*?.*" + YIELD + "(?:.*\\n)*?.*\\b\\1\\b");
        text("delegation by name", "Yield\\.<\\w+>from\\(m\\w*\\(");
        text("delegation through an entry", "Yield\\.<\\w+>from\\(G\\d+\\.e\\d+\\(s, t, ");
        text("early return", "\\n {12,}return Yield\\.done\\(");
        tree("yield inside a try with a finally", s -> s instanceof Stmt.Try t && t.fin() != null && yields(t.body()));
        tree("yield inside a finally block", s -> s instanceof Stmt.Try t && t.fin() != null && yields(t.fin()));
        tree("yield inside a catch block", s -> s instanceof Stmt.Try t && t.catches().stream().anyMatch(c -> yields(c.body())));
        tree("yield inside a loop body", s -> s instanceof Stmt.Loop l && yields(l.body()));
        tree("yield inside a for-each body", s -> s instanceof Stmt.ForEach f && yields(f.body()));
        tree("delegation inside a try with a finally", s -> s instanceof Stmt.Try t && t.fin() != null
                && render(t.body()).contains("Yield.<"));
        tree("return through a finally", s -> s instanceof Stmt.Try t && t.fin() != null
                && render(t.body()).contains("return Yield.done("));
    }

    private static void text(String name, String regex) {
        TEXT.put(name, Pattern.compile(regex));
    }

    private static void tree(String name, Predicate<Stmt> test) {
        TREE.put(name, test);
    }

    @Test
    void fixedGeneratorSeeds_containEveryGeneratorShape_inAtLeastTenPrograms() {
        Map<String, Integer> counts = counts(Mode.GENERATOR, GeneratedProgramsTest.FIXED_GENERATORS);
        counts.forEach((name, n) -> assertTrue(n >= 10, "only " + n + " of " + GeneratedProgramsTest.FIXED_GENERATORS
                + " generator programs contain " + name + "; all counts: " + counts));
    }

    @Test
    void fixedAsyncGeneratorSeeds_awaitAndYield_inTheSameMethods() {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class), Mode.ASYNC_GENERATOR);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : List.of("await and yield in one method", "await in a finally", "yield in a try with a finally",
                "await on a failed future", "host other than the program's class")) {
            counts.put(name, 0);
        }
        for (long seed = 0; seed < GeneratedProgramsTest.FIXED_ASYNC_GENERATORS; seed++) {
            Program p = generator.generate(seed);
            String unit = ProgramWriter.render(p);
            count(counts, "host other than the program's class", unit.contains("@Async @Generates\n        "));
            for (Method m : p.methods()) {
                String body = render(m.body());
                count(counts, "await and yield in one method", body.contains("await(s.next(") && body.contains("Yield.yield("));
                count(counts, "await on a failed future", body.contains("fail(\""));
                count(counts, "await in a finally", any(m.body(), s -> s instanceof Stmt.Try t && t.fin() != null
                        && render(t.fin()).contains("await(")));
                count(counts, "yield in a try with a finally", any(m.body(), s -> s instanceof Stmt.Try t
                        && t.fin() != null && yields(t.body())));
            }
        }
        counts.forEach((name, n) -> assertTrue(n >= 10, "only " + n + " async generator methods or programs contain "
                + name + "; all counts: " + counts));
    }

    private static Map<String, Integer> counts(Mode kind, int programs) {
        ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class), kind);
        Map<String, Integer> counts = new LinkedHashMap<>();
        TEXT.keySet().forEach(k -> counts.put(k, 0));
        TREE.keySet().forEach(k -> counts.put(k, 0));
        for (long seed = 0; seed < programs; seed++) {
            Program p = generator.generate(seed);
            StringBuilder bodies = new StringBuilder();
            for (Method m : p.methods()) {
                bodies.append(render(m.body()));
            }
            TEXT.forEach((name, pattern) -> count(counts, name, pattern.matcher(bodies).find()));
            TREE.forEach((name, test) -> count(counts, name, p.methods().stream().anyMatch(m -> any(m.body(), test))));
        }
        return counts;
    }

    private static void count(Map<String, Integer> counts, String name, boolean found) {
        counts.merge(name, found ? 1 : 0, Integer::sum);
    }

    /** Whether {@code test} holds for {@code s} or any statement inside it. */
    private static boolean any(Stmt s, Predicate<Stmt> test) {
        return test.test(s) || GeneratorCoverageTest.children(s).stream().anyMatch(c -> any(c, test));
    }

    private static boolean yields(Stmt s) {
        return render(s).contains("Yield.yield(");
    }

    /** The transformed rendering of {@code s}: a yield there is a suspension point of the generator. */
    private static String render(Stmt s) {
        StringBuilder out = new StringBuilder();
        s.render(Mode.GENERATOR, 1, out);
        return out.toString();
    }
}
