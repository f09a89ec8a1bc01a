package dev.lasti.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes one generated method {@code (int a, long b) -> long} from a seed: typed locals of int, long, double
 * and String built from expressions that await in the middle of arithmetic and calls (so values sit on the
 * operand stack at the await), loops, try/catch/finally around failing awaits, switches, delegation to the
 * class's other methods, {@code Future.all} over its pure method, and lambdas that await. Called once per
 * {@link Emit} mode with the same seed, so both renderings make the same choices.
 */
final class MethodWriter {
    private static final String[] TYPES = {"int", "long", "double", "String"};

    /** A local in scope; {@code fixed} when it is never reassigned, so a lambda may capture it. */
    private record Local(String name, String type, boolean fixed) {}

    private final Random random;
    private final Emit e;
    private final boolean pure;
    private final List<String> callable;
    private final List<Local> locals = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int names;
    private int indent = 2;

    /**
     * @param pure no field access, no calls: safe to run concurrently under {@code Future.all}
     * @param callable earlier methods of the class this one may call (never itself, so nothing recurses)
     */
    private MethodWriter(long seed, Emit e, boolean pure, List<String> callable) {
        this.random = new Random(seed);
        this.e = e;
        this.pure = pure;
        this.callable = callable;
    }

    /** The whole method, header to closing brace, indented for a class body. */
    static String write(long seed, Emit e, String name, boolean pure, List<String> callable, int statements) {
        MethodWriter w = new MethodWriter(seed, e, pure, callable);
        w.locals.add(new Local("a", "int", true));
        w.locals.add(new Local("b", "long", true));
        w.line("long acc = b;");
        w.block(statements, 0);
        w.line(e.ret("acc"));
        return "    " + e.header(pure ? "static " : "", name, "int a, long b") + " {\n" + w.out + "    }\n";
    }

    private void block(int statements, int depth) {
        int scope = locals.size();
        for (int i = 0; i < statements; i++) {
            statement(depth);
        }
        // accumulate what the block declared, so every local is used and stays live across later awaits
        for (Local l : locals.subList(scope, locals.size())) {
            line("acc += " + asLong(l.name, l.type) + ";");
        }
        locals.subList(scope, locals.size()).clear();
    }

    private void statement(int depth) {
        int pick = random.nextInt(depth >= 2 ? 4 : 11);
        switch (pick) {
            case 0, 1 -> declare();
            case 2 -> line("acc += " + asLong(expr("long", 2), "long") + ";");
            case 3 -> line(pure ? "acc ^= " + expr("int", 1) + ";" : "f0 += " + expr("int", 1) + ";");
            case 4 -> forLoop(depth);
            case 5 -> whileLoop(depth);
            case 6 -> tryCatch(depth);
            case 7 -> switchOf(depth);
            case 8 -> delegate();
            case 9 -> lambda();
            default -> line("acc += S.mix(" + expr("int", 1) + ", " + expr("long", 1) + ", "
                    + expr("double", 1) + ", " + expr("String", 1) + ");");
        }
    }

    private void declare() {
        String type = TYPES[random.nextInt(TYPES.length)];
        String name = "v" + names++;
        line(type + " " + name + " = " + expr(type, 2) + ";");
        locals.add(new Local(name, type, true));
    }

    private void forLoop(int depth) {
        String i = "i" + names++;
        line("for (int " + i + " = 0; " + i + " < " + (2 + random.nextInt(3)) + "; " + i + "++) {");
        nested(() -> {
            locals.add(new Local(i, "int", false));
            block(1 + random.nextInt(2), depth + 1);
            line("if (" + i + " == 1) continue;");
            line("acc += " + i + ";");
            locals.remove(locals.size() - 1);
        });
        line("}");
    }

    private void whileLoop(int depth) {
        String w = "w" + names++;
        line("int " + w + " = 0;");
        line("while (true) {");
        nested(() -> {
            line(w + "++;");
            block(1 + random.nextInt(2), depth + 1);
            line("if (" + w + " > " + (1 + random.nextInt(2)) + ") break;");
        });
        line("}");
        line("acc += " + w + ";");
    }

    private void tryCatch(int depth) {
        String x = "x" + names++;
        line("try {");
        nested(() -> {
            block(1 + random.nextInt(2), depth + 1);
            line("if (((" + expr("int", 1) + ") & 1) == 0) acc += " + e.awFail("Long", "f" + x) + ";");
            line("acc += " + e.aw("acc & 15") + ";");
        });
        line("} catch (IllegalStateException " + x + ") {");
        nested(() -> line("acc += " + x + ".getMessage().length() + " + e.aw(x + ".getMessage()") + ".hashCode();"));
        if (random.nextBoolean()) {
            line("} finally {");
            nested(() -> line("acc += " + e.aw("3L") + ";"));
        }
        line("}");
    }

    private void switchOf(int depth) {
        line("switch ((" + expr("int", 1) + ") & 3) {");
        for (String label : new String[] {"case 0", "case 1", "default"}) {
            line("    " + label + ": {");
            indent += 2;
            block(1 + random.nextInt(2), depth + 1);
            indent -= 2;
            line("        break;");
            line("    }");
        }
        line("}");
    }

    private void delegate() {
        if (callable.isEmpty() || pure) {
            declare();
            return;
        }
        String target = callable.get(random.nextInt(callable.size()));
        if (target.equals("pure") && random.nextBoolean()) {
            line("acc += " + e.gather("", "pure", 2 + random.nextInt(3)) + ";");
        } else {
            line("acc += " + e.call("", target, expr("int", 1) + ", " + expr("long", 1)) + ";");
        }
    }

    private void lambda() {
        String f = "fn" + names++;
        String captured = pick("int", true);
        line(e.lambda(f, "n * " + (2 + random.nextInt(9)) + "L + " + captured, "n ^ " + pick("int", true)));
        line("acc += " + e.apply(f, expr("int", 1)) + ";");
    }

    /** An expression of exactly {@code type}, awaiting somewhere inside about half the time. */
    private String expr(String type, int depth) {
        int pick = depth <= 0 ? random.nextInt(2) : random.nextInt(6);
        switch (pick) {
            case 0:
                return literal(type);
            case 1:
                return pick(type, false);
            case 2:
            case 3:
                return awaited(type, expr(type, depth - 1));
            default:
                return binary(type, depth);
        }
    }

    private String binary(String type, int depth) {
        String l = expr(type, depth - 1);
        String r = expr(type, depth - 1);
        return switch (type) {
            case "String" -> "(" + l + " + " + expr("int", depth - 1) + ")";
            case "double" -> "(" + l + (random.nextBoolean() ? " + " : " * ") + r + ")";
            default -> "(" + l + " " + "+-*^".charAt(random.nextInt(4)) + " " + r + ")";
        };
    }

    private String awaited(String type, String inner) {
        // await(S.v(x)) has the boxed type of x; cast back so the expression's type stays exact
        return switch (type) {
            case "int" -> "(int) " + e.aw(inner);
            case "long" -> "(long) " + e.aw(inner);
            case "double" -> "(double) " + e.aw(inner);
            default -> e.aw(inner);
        };
    }

    private String literal(String type) {
        int n = random.nextInt(100);
        return switch (type) {
            case "int" -> Integer.toString(n);
            case "long" -> n + "L";
            case "double" -> n + ".5";
            default -> "\"" + (char) ('a' + n % 26) + n + "\"";
        };
    }

    /** A local of {@code type} (only fixed ones if asked), or a literal when none is in scope. */
    private String pick(String type, boolean fixed) {
        List<Local> fit = locals.stream().filter(l -> l.type.equals(type) && (l.fixed || !fixed)).toList();
        if (fit.isEmpty()) {
            return literal(type);
        }
        return fit.get(random.nextInt(fit.size())).name;
    }

    private static String asLong(String expr, String type) {
        return switch (type) {
            case "String" -> expr + ".hashCode()";
            case "double" -> "(long) " + expr;
            default -> expr;
        };
    }

    private void nested(Runnable body) {
        indent++;
        body.run();
        indent--;
    }

    private void line(String s) {
        out.append("    ".repeat(indent)).append(s).append('\n');
    }
}
