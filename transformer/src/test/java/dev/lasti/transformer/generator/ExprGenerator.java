package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.Expr.Await;
import dev.lasti.transformer.generator.Expr.Binary;
import dev.lasti.transformer.generator.Expr.Call;
import dev.lasti.transformer.generator.Expr.Cast;
import dev.lasti.transformer.generator.Expr.Lit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes random expressions of a requested type, with suspension points (awaits, yields) anywhere inside them
 * so the operand stack is rarely empty at one: call arguments, binary operands, conditionals, {@code &&}, string
 * concatenation, array indexes, switch expressions and constructor arguments after {@code NEW}/{@code DUP}.
 */
final class ExprGenerator {
    private static final String[] WORDS = {"a", "b", "xy", "q"};
    /**
     * The trace, passed to the static helpers explicitly: {@code t} is a field in instance methods and a
     * parameter in static ones, so the same text works in both.
     */
    static final Lit TRACE = new Lit(JType.STRING, "t");
    private final Scope sc;
    private final CallGenerator calls;

    ExprGenerator(Scope sc) {
        this.sc = sc;
        this.calls = new CallGenerator(sc, this);
    }

    /**
     * The program's suspension point around {@code value}: an await in an async program, a yield in a
     * generator, either in an async generator.
     */
    Expr suspend(JType type, Expr value) {
        return switch (sc.kind) {
            case GENERATOR -> new Expr.Yield(type, value);
            case ASYNC_GENERATOR -> sc.chance(50) ? new Expr.Yield(type, value) : new Await(type, value);
            default -> new Await(type, value);
        };
    }

    /** An expression of {@code type} at most {@code depth} nodes deep. */
    Expr gen(JType type, int depth) {
        if (depth <= 0) {
            Expr leaf = leaf(type);
            return sc.chance(40) ? suspend(type, leaf) : leaf;
        }
        int r = sc.rnd.nextInt(100);
        if (r < 25) {
            Expr value = gen(type, depth - 1);
            if (sc.on(Shape.COMPLETION_STAGES) && sc.chance(15)) {
                return new Expr.AwaitStage(type, value, sc.on(Shape.STAGES_ELSEWHERE) && sc.chance(40));
            }
            return suspend(type, value);
        }
        if (r < 33) {
            return leaf(type);
        }
        if (r < 40) {
            return new Expr.Cond(type, gen(JType.BOOLEAN, depth - 1), gen(type, depth - 1), gen(type, depth - 1));
        }
        if (r < 45) {
            return new Call(type, "tr" + type.code, List.of(TRACE, label(), gen(type, depth - 1)), "");
        }
        // No boolean switch expressions: javac 17 emits unverifiable code for them as a condition
        // (seeds 1144, 2395, 3068 of the first property run; see the generator report).
        if (r < 49 && sc.on(Shape.SWITCH_EXPRESSIONS) && type != JType.BOOLEAN) {
            return switchExpr(type, depth);
        }
        if (r < 52 && sc.on(Shape.FAILED_AWAITS) && (sc.tryDepth > 0 || sc.chance(20))) {
            return new Expr.AwaitFail(type, "f" + sc.rnd.nextInt(100));
        }
        if (r < 60 && sc.on(Shape.NESTED_CALLS)) {
            Expr call = calls.nestedCall(type, depth);
            if (call != null) {
                return call;
            }
        }
        return specific(type, depth);
    }

    /** A variable of the type if one is in scope, else a literal. */
    Expr leaf(JType type) {
        Scope.Local l = sc.chance(65) ? sc.pick(type, false) : null;
        return l != null ? new Expr.Var(type, l.name()) : lit(type);
    }

    Lit lit(JType type) {
        int n = sc.rnd.nextInt(24) - 4;
        String text = switch (type) {
            case INT -> n < 0 ? "(" + n + ")" : Integer.toString(n);
            case LONG -> sc.chance(20) ? "(" + (n * 1_000_000_007L) + "L)" : "(" + n + "L)";
            case DOUBLE -> "(" + n + ".25)";
            case FLOAT -> "(" + n + ".5f)";
            case BOOLEAN -> Boolean.toString(n % 2 == 0);
            case BYTE -> "((byte) " + (n * 9) + ")";
            case SHORT -> "((short) " + (n * 301) + ")";
            case CHAR -> "'" + (char) ('a' + n + 4) + "'";
            case STRING -> '"' + WORDS[sc.rnd.nextInt(WORDS.length)] + '"';
            default -> throw new IllegalArgumentException("no literal of " + type);
        };
        return new Lit(type, text);
    }

    private Lit label() {
        return new Lit(JType.STRING, "\"" + sc.fresh("x") + "\"");
    }

    private Expr switchExpr(JType type, int depth) {
        // String selectors stay out of concatenations: see Scope.concatDepth.
        Expr selector = selector(depth - 1, sc.concatDepth == 0);
        List<String> labels = new ArrayList<>();
        List<Expr> arms = new ArrayList<>();
        int n = 1 + sc.rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            labels.add(caseLabel(selector.type(), i));
            arms.add(gen(type, depth - 1));
        }
        return new Expr.Switch(type, selector, labels, arms, gen(type, depth - 1));
    }

    /** A switch selector: an int (masked to 0..3 when rendered), a string, or an enum constant. */
    Expr selector(int depth, boolean stringAllowed) {
        int r = sc.rnd.nextInt(100);
        if (r < 35 && stringAllowed) {
            return gen(JType.STRING, depth);
        }
        if (r < 55 && sc.on(Shape.ENUM_SWITCHES)) {
            return new Expr.EnumOf(gen(JType.INT, depth));
        }
        return gen(JType.INT, depth);
    }

    /** The {@code i}-th case label (i &lt; 3) for a selector of {@code type}. */
    static String caseLabel(JType type, int i) {
        return switch (type) {
            case STRING -> '"' + WORDS[i] + '"';
            case COLOR -> new String[] {"R", "G", "B"}[i];
            default -> Integer.toString(i);
        };
    }

    private Expr specific(JType type, int depth) {
        int d = depth - 1;
        return switch (type) {
            case INT -> intExpr(d);
            case LONG -> sc.on(Shape.ARRAYS) && sc.chance(20) ? arrayGet(JType.LONG_ARRAY, d) : arith(type, d);
            case DOUBLE, FLOAT -> sc.chance(25) ? new Cast(type, gen(JType.INT, d)) : arith(type, d);
            case BYTE, SHORT, CHAR -> new Cast(type, sc.chance(50) ? gen(type, d) : intExpr(d));
            case BOOLEAN -> boolExpr(d);
            case STRING -> stringExpr(d);
            default -> throw new IllegalArgumentException("no expression of " + type);
        };
    }

    private Expr intExpr(int d) {
        int r = sc.rnd.nextInt(100);
        if (r < 12 && sc.on(Shape.ARRAYS)) {
            return arrayGet(JType.INT_ARRAY, d);
        }
        if (r < 22) {
            return new Call(JType.INT, "mix",
                    List.of(TRACE, gen(JType.INT, d), gen(JType.LONG, d), gen(JType.DOUBLE, d), gen(JType.STRING, d)), "");
        }
        if (r < 30 && sc.on(Shape.NEW_PAIR)) {
            return new Call(JType.INT, "new Pair", List.of(gen(JType.LONG, d), gen(JType.STRING, d)), ".h()");
        }
        if (r < 36) {
            return new Call(JType.INT, "len", List.of(gen(JType.STRING, d)), "");
        }
        if (r < 40 && sc.on(Shape.PATTERNS)) {
            return instanceOf(d);
        }
        if (r < 44) {
            JType from = pickNumeric();
            return new Cast(JType.INT, gen(from, d));
        }
        return arith(JType.INT, d);
    }

    private Expr instanceOf(int d) {
        Expr subject = gen(sc.chance(60) ? JType.STRING : JType.INT, d);
        String binding = sc.fresh("p");
        sc.push();
        sc.declare(JType.STRING, binding, false);
        Expr ifString = gen(JType.INT, d);
        sc.pop();
        Expr withBinding = new Binary(JType.INT, "+", new Call(JType.INT, "len", List.of(new Expr.Var(JType.STRING, binding)), ""), ifString);
        return new Expr.InstanceOf(subject, binding, withBinding, gen(JType.INT, d));
    }

    private Expr arrayGet(JType arrayType, int d) {
        Scope.Local arr = sc.pick(arrayType, false);
        return arr == null ? gen(arrayType.element(), d) : new Expr.ArrayGet(arrayType.element(), arr.name(), gen(JType.INT, d));
    }

    private Expr arith(JType type, int d) {
        int r = sc.rnd.nextInt(100);
        if (r < 10) {
            return new Expr.Unary(type, type.integral() && sc.chance(50) ? "~" : "-", gen(type, d));
        }
        if (type.integral() && r < 20) {
            String op = new String[] {"^", "&", "|", "<<", ">>"}[sc.rnd.nextInt(5)];
            return new Binary(type, op, gen(type, d), gen(op.length() == 2 ? JType.INT : type, d));
        }
        if (type.integral() && r < 28 && sc.on(Shape.DIVISION)) {
            // The mask makes the divisor zero about a quarter of the time: ArithmeticException on purpose.
            Expr divisor = new Binary(type, "&", gen(type, d), new Lit(JType.INT, "3"));
            return new Binary(type, sc.chance(50) ? "/" : "%", gen(type, d), divisor);
        }
        String op = new String[] {"+", "-", "*"}[sc.rnd.nextInt(3)];
        return new Binary(type, op, gen(type, d), gen(type, d));
    }

    private Expr boolExpr(int d) {
        int r = sc.rnd.nextInt(100);
        if (r < 40) {
            // Cast both sides: an await has a boxed type, and == on two boxes would compare identities.
            JType t = pickNumeric();
            String op = new String[] {"<", "<=", ">", ">=", "==", "!="}[sc.rnd.nextInt(6)];
            return new Binary(JType.BOOLEAN, op, new Cast(t, gen(t, d)), new Cast(t, gen(t, d)));
        }
        if (r < 70) {
            return new Binary(JType.BOOLEAN, sc.chance(50) ? "&&" : "||", gen(JType.BOOLEAN, d), gen(JType.BOOLEAN, d));
        }
        if (r < 80) {
            return new Expr.Unary(JType.BOOLEAN, "!", gen(JType.BOOLEAN, d));
        }
        if (r < 90) {
            return new Expr.StrEquals(gen(JType.STRING, d), gen(JType.STRING, d));
        }
        return new Binary(JType.BOOLEAN, "^", gen(JType.BOOLEAN, d), gen(JType.BOOLEAN, d));
    }

    private Expr stringExpr(int d) {
        int r = sc.rnd.nextInt(100);
        if (r < 45) {
            JType other = pickScalar();
            sc.concatDepth++;
            Expr right = sc.chance(8) ? new Lit(JType.STRING, "((String) null)") : gen(other, d);
            Expr left = gen(JType.STRING, d);
            sc.concatDepth--;
            return new Binary(JType.STRING, "+", left, right);
        }
        if (r < 60) {
            return new Call(JType.STRING, "cat", List.of(TRACE, gen(JType.STRING, d), gen(JType.INT, d), gen(JType.CHAR, d)), "");
        }
        if (r < 72 && sc.on(Shape.NEW_PAIR)) {
            return new Call(JType.STRING, "new Pair", List.of(gen(JType.LONG, d), gen(JType.STRING, d)), ".toString()");
        }
        if (r < 85) {
            return new Call(JType.STRING, "String.valueOf", List.of(standalone(gen(pickScalar(), d))), "");
        }
        return new Call(JType.STRING, "cut", List.of(gen(JType.STRING, d)), "");
    }

    /**
     * Casts a primitive-typed expression to its own type, so an overloaded callee ({@code String.valueOf},
     * {@code StringBuilder.append}) sees a standalone primitive, not a poly switch expression that could be
     * ambiguous, and both renderings pick the same overload.
     */
    static Expr standalone(Expr e) {
        return e.type() == JType.STRING ? e : new Cast(e.type(), e);
    }

    JType pickNumeric() {
        JType t;
        do {
            t = pickScalar();
        } while (!t.numeric());
        return t;
    }

    /** A random scalar type, leaving out byte/short/char/float when small primitives are switched off. */
    JType pickScalar() {
        JType t;
        do {
            t = JType.SCALARS[sc.rnd.nextInt(JType.SCALARS.length)];
        } while (!sc.on(Shape.SMALL_PRIMITIVES) && (t.small() || t == JType.FLOAT));
        return t;
    }
}
