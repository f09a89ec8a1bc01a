package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Generator;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random generator programs (loops, try/catch/finally, yields nested in expressions, wide locals, throws)
 * against their plain twins, in which each {@code Yield.yield(v)} is "record v, take the next sent value":
 * the yielded values, the trace, the return value and the failure must agree. The consumer starts it with
 * {@code send(null)} and then sends 1, 2, 3, ..., so sent values reach the body.
 */
class RandomGeneratorsTest {
    private static final int PROGRAMS = 120;
    private static final int SEED = 15;

    /** Renders one random body twice: {@code Y(e)} as a yield, or as the twin's helper call. */
    static final class Body {
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private int names;
        private final List<String> ints = new ArrayList<>(List.of("n"));

        Body(Random random) {
            this.random = random;
        }

        String render() {
            out.append("int acc = n;\nlong wide = 7L;\n");
            block(3);
            out.append("return R(acc + \":\" + wide);\n");
            return out.toString();
        }

        private void block(int depth) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                statement(depth);
            }
        }

        private String expr(int depth) {
            String var = ints.get(random.nextInt(ints.size()));
            return switch (depth <= 0 ? random.nextInt(2) : random.nextInt(5)) {
                case 0 -> var;
                case 1 -> Integer.toString(random.nextInt(9));
                case 2 -> "(" + expr(depth - 1) + " + " + expr(depth - 1) + ")";
                case 3 -> "Y(" + expr(depth - 1) + ")";
                default -> "Math.max(" + var + ", Y(" + expr(depth - 1) + "))";
            };
        }

        private void statement(int depth) {
            int k = names++;
            switch (depth <= 0 ? random.nextInt(3) : random.nextInt(8)) {
                case 0 -> out.append("acc = acc * 31 + ").append(expr(2)).append(";\n");
                case 1 -> out.append("wide = wide * 3L + Y(acc);\n");
                case 2 -> out.append("trace.add(\"s").append(k).append(" \" + Y(acc % 5));\n");
                case 3 -> {
                    String i = "i" + k;
                    out.append("for (int ").append(i).append(" = 0; ").append(i).append(" < ")
                            .append(1 + random.nextInt(3)).append("; ").append(i).append("++) {\n");
                    ints.add(i);
                    block(depth - 1);
                    ints.remove(i);
                    out.append("}\n");
                }
                case 4 -> {
                    out.append("try {\n");
                    block(depth - 1);
                    out.append("} finally {\ntrace.add(\"f").append(k).append("\");\n}\n");
                }
                case 5 -> {
                    out.append("try {\n");
                    block(depth - 1);
                    out.append("} catch (IllegalStateException e").append(k).append(") {\ntrace.add(\"c")
                            .append(k).append(" \" + e").append(k).append(".getMessage());\nacc += Y(-1);\n}\n");
                }
                case 6 -> out.append("if ((acc & 3) == 1) {\nthrow new IllegalStateException(\"t").append(k)
                        .append("\");\n}\n");
                default -> {
                    String v = "v" + k;
                    out.append("int ").append(v).append(" = ").append(expr(2)).append(";\n");
                    out.append("if (").append(v).append(" % 2 == 0) {\n");
                    ints.add(v);
                    block(depth - 1);
                    out.append("} else {\n");
                    block(depth - 1);
                    ints.remove(v);
                    out.append("}\n");
                }
            }
        }
    }

    /**
     * {@code body} with every call {@code Y(arg)} rewritten as {@code prefix + arg + suffix}, nested calls
     * included (the parentheses are matched, so an argument may itself contain calls).
     */
    static String rewriteY(String body, String prefix, String suffix) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int at = body.indexOf("Y(", i);
            if (at < 0 || (at > 0 && Character.isJavaIdentifierPart(body.charAt(at - 1)))) {
                int stop = at < 0 ? body.length() : at + 2;
                out.append(body, i, stop);
                i = stop;
                continue;
            }
            out.append(body, i, at);
            int depth = 1;
            int j = at + 2;
            while (depth > 0) {
                char c = body.charAt(j++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            out.append(prefix).append(rewriteY(body.substring(at + 2, j - 1), prefix, suffix)).append(suffix);
            i = j;
        }
        return out.toString();
    }

    /**
     * The async variant of {@code body}: each {@code Y(e)} awaits {@code later(e)} (done at once for an even
     * value, completed on a later loop turn for an odd one), yields the result and evaluates to 0 (an async
     * generator is consumed, not sent to); its twin records {@code e} and evaluates to 0.
     */
    static String asyncSource(int p, String body) {
        return "    @Async\n    @Generates\n    public static AsyncGenerator<Object> ag" + p
                + "(int n, List<String> trace) {\n"
                + rewriteY(body, "zero(Yield.yield(Await.await(later(", "))))").replace("R(", "AsyncGenerator.done(")
                + "    }\n"
                + "    public static Object at" + p + "(int n, List<String> trace, List<Object> sink) {\n"
                + rewriteY(body, "record(sink, ", ")").replace("R(", "(")
                + "    }\n";
    }

    static String source(List<String> bodies) {
        StringBuilder s = new StringBuilder("package rg;\n\nimport dev.lasti.*;\nimport java.util.*;\n\n"
                + "public class P {\n"
                + "    static int take(List<Object> sink, Iterator<Integer> sends, Object v) {\n"
                + "        sink.add(v);\n        return sends.next();\n    }\n"
                + "    static int record(List<Object> sink, Object v) {\n        sink.add(v);\n        return 0;\n    }\n"
                + "    static int zero(Object sent) {\n        return 0;\n    }\n"
                + "    static Future<Integer> later(int v) {\n"
                + "        if ((v & 1) == 0) {\n            return Future.completed(v);\n        }\n"
                + "        Promise<Integer> p = new Promise<>();\n"
                + "        EventLoop.current().execute(() -> p.complete(v));\n        return p;\n    }\n");
        for (int p = 0; p < bodies.size(); p++) {
            String body = bodies.get(p);
            s.append("    @Generates\n    public static Generator<Object> g").append(p)
                    .append("(int n, List<String> trace) {\n")
                    .append(body.replace("Y(", "Yield.<Integer>yield(").replace("R(", "Yield.done("))
                    .append("    }\n");
            s.append("    public static Object t").append(p)
                    .append("(int n, List<String> trace, List<Object> sink, Iterator<Integer> sends) {\n")
                    .append(body.replace("Y(", "take(sink, sends, ").replace("R(", "("))
                    .append("    }\n");
            s.append(asyncSource(p, body));
        }
        return s.append("}\n").toString();
    }

    /** {@link #PROGRAMS} random bodies from {@code seed}. */
    static List<String> bodies(long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        for (int p = 0; p < PROGRAMS; p++) {
            bodies.add(new Body(random).render());
        }
        return bodies;
    }

    /** The class {@code rg.P} of {@link #source}, compiled and transformed. */
    static Class<?> compiled(List<String> bodies) throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("rg.P", source(bodies));
        return TransformingClassLoader.transformAll(InMemoryCompiler.compile(sources)).loadClass("rg.P");
    }

    /** What one run did: yielded values, trace, and the return value or the failure. */
    record Run(List<Object> values, List<String> trace, String end) {}

    static Iterator<Integer> sends() {
        return new Iterator<>() {
            int k;

            public boolean hasNext() {
                return true;
            }

            public Integer next() {
                return k++ == 0 ? null : k; // null starts the generator; then send(1), send(2), ...
            }
        };
    }

    @Test
    void randomGenerators_matchTheirPlainTwins() throws Exception {
        List<String> bodies = bodies(SEED);
        Class<?> p = compiled(bodies);
        int manyValues = 0;
        int threw = 0;
        int caught = 0;
        for (int i = 0; i < PROGRAMS; i++) {
            for (int n : new int[] {0, 1, 4}) {
                Run expected = twin(p, i, n);
                Run actual = generator(p, i, n);
                assertEquals(expected, actual, "program " + i + " n=" + n + ":\n" + bodies.get(i));
                manyValues += expected.values().size() >= 3 ? 1 : 0;
                threw += expected.end().startsWith("threw") ? 1 : 0;
                caught += expected.trace().stream().anyMatch(t -> t.startsWith("c")) ? 1 : 0;
            }
        }
        // the grammar really exercises what it claims: several yields per run, failures, caught exceptions
        String mix = manyValues + " runs with 3+ values, " + threw + " failing, " + caught + " catching";
        org.junit.jupiter.api.Assertions.assertTrue(manyValues > PROGRAMS && threw > 5 && caught > 5, mix);
    }

    /** The same bodies as async generators, awaiting between yields, against their plain twins. */
    @Test
    void randomAsyncGenerators_matchTheirPlainTwins() throws Exception {
        List<String> bodies = bodies(SEED + 1);
        Class<?> p = compiled(bodies);
        int suspended = 0;
        int threw = 0;
        for (int i = 0; i < PROGRAMS; i++) {
            for (int n : new int[] {0, 1, 4}) {
                Run expected = asyncTwin(p, i, n);
                Run actual = asyncGenerator(p, i, n);
                assertEquals(expected, actual, "async program " + i + " n=" + n + ":\n" + bodies.get(i));
                suspended += expected.values().stream().anyMatch(v -> v instanceof Integer k && (k & 1) != 0) ? 1 : 0;
                threw += expected.end().startsWith("threw") ? 1 : 0;
            }
        }
        String mix = suspended + " runs that suspended at an await, " + threw + " failing";
        org.junit.jupiter.api.Assertions.assertTrue(suspended > PROGRAMS && threw > 5, mix);
    }

    private static Run asyncTwin(Class<?> p, int i, int n) throws Exception {
        List<String> trace = new ArrayList<>();
        List<Object> sink = new ArrayList<>();
        String end;
        try {
            end = "returned " + p.getMethod("at" + i, int.class, List.class, List.class).invoke(null, n, trace, sink);
        } catch (InvocationTargetException e) {
            end = "threw " + e.getCause();
        }
        return new Run(sink, trace, end);
    }

    /** Drains the async generator on a fresh loop with hasNext()/next(), one step per loop turn. */
    private static Run asyncGenerator(Class<?> p, int i, int n) throws Exception {
        List<String> trace = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Method m = p.getMethod("ag" + i, int.class, List.class);
        String end = dev.lasti.EventLoop.run(() -> {
            try {
                @SuppressWarnings("unchecked")
                dev.lasti.AsyncGenerator<Object> g = (dev.lasti.AsyncGenerator<Object>) m.invoke(null, n, trace);
                dev.lasti.Promise<String> done = new dev.lasti.Promise<>();
                drain(g, values, done);
                return done;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        return new Run(values, trace, end);
    }

    private static void drain(dev.lasti.AsyncGenerator<Object> g, List<Object> values, dev.lasti.Promise<String> done) {
        g.hasNext().whenDone(f -> {
            if (f.isFailed()) {
                done.complete("threw " + f.cause());
            } else if (f.resultNow()) {
                values.add(g.next());
                dev.lasti.EventLoop.current().execute(() -> drain(g, values, done));
            } else {
                done.complete("returned " + g.returnValue());
            }
        });
    }

    private static Run twin(Class<?> p, int i, int n) throws Exception {
        List<String> trace = new ArrayList<>();
        List<Object> sink = new ArrayList<>();
        Method t = p.getMethod("t" + i, int.class, List.class, List.class, Iterator.class);
        String end;
        try {
            Iterator<Integer> sends = sends();
            sends.next(); // the generator's consumer spends the first (null) on starting it
            end = "returned " + t.invoke(null, n, trace, sink, sends);
        } catch (InvocationTargetException e) {
            end = "threw " + e.getCause();
        }
        return new Run(sink, trace, end);
    }

    private static Run generator(Class<?> p, int i, int n) throws Exception {
        List<String> trace = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Generator<Object> g = (Generator<Object>) p.getMethod("g" + i, int.class, List.class).invoke(null, n, trace);
        Iterator<Integer> sends = sends();
        String end;
        try {
            Integer first = sends.next(); // null: the twin's first take happens after the first value
            values.add(g.send(first));
            while (true) {
                values.add(g.send(sends.next()));
            }
        } catch (NoSuchElementException done) {
            end = "returned " + g.returnValue();
        } catch (RuntimeException e) {
            end = "threw " + e;
        }
        return new Run(values, trace, end);
    }
}
