package dev.lasti.transformer.generator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An expression of a generated program. Each node renders itself twice: as the {@code @Async} code and as
 * its plain twin, so the two can only differ where an await is. Rendering parenthesises every compound
 * node, so precedence never depends on the context.
 */
sealed interface Expr {
    JType type();

    String render(Mode mode);

    /** A literal, already written as Java source (e.g. {@code (byte) 3}, {@code 7L}, {@code "ab"}). */
    record Lit(JType type, String text) implements Expr {
        @Override
        public String render(Mode mode) {
            return text;
        }
    }

    /** A local variable or parameter. */
    record Var(JType type, String name) implements Expr {
        @Override
        public String render(Mode mode) {
            return name;
        }
    }

    /**
     * {@code await(s.next(value))}; in the twin {@code s.nowI(value)} (by type), which is {@code value} but
     * counts the await, so the twin throws where a cancelled run is cancelled. The schedule decides if it
     * suspends. The twin's calls are typed, not generic: nested generic calls cost javac's inference dearly.
     */
    record Await(JType type, Expr value) implements Expr {
        @Override
        public String render(Mode mode) {
            return mode.transformed()
                    ? "await(s.next(" + value.render(mode) + "))"
                    : "s.now" + type.code + "(" + value.render(mode) + ")";
        }
    }

    /**
     * {@code await(s.stage(value))}: the {@code CompletionStage} overload of await, completed as the schedule
     * says, or {@code await(s.stageElsewhere(value))}, always completed on another thread. The twin is
     * {@code s.nowI(value)} (by type).
     */
    record AwaitStage(JType type, Expr value, boolean elsewhere) implements Expr {
        @Override
        public String render(Mode mode) {
            return mode.transformed()
                    ? "await(s." + (elsewhere ? "stageElsewhere(" : "stage(") + value.render(mode) + "))"
                    : "s.now" + type.code + "(" + value.render(mode) + ")";
        }
    }

    /** An await on a failed future: throws {@link GenException} at the await; the twin throws directly. */
    record AwaitFail(JType type, String message) implements Expr {
        @Override
        public String render(Mode mode) {
            String m = '"' + message + '"';
            return mode.transformed()
                    ? "await(s.<" + type.boxed + ">fail(" + m + "))"
                    : "s.<" + type.boxed + ">raise(" + m + ")";
        }
    }

    /**
     * A nested async call, {@code await(m2(args))} or through the callee's entry {@code await(P7.e2(args))};
     * the twin calls {@code m2$plain(args)} or {@code P7.e2$plain(args)}. The generator guards it with
     * {@code depth > 0} so recursion is bounded.
     */
    record CallAsync(JType type, String method, List<Expr> args) implements Expr {
        @Override
        public String render(Mode mode) {
            String list = args.stream().map(a -> a.render(mode)).collect(Collectors.joining(", "));
            return mode.transformed() ? "await(" + method + "(" + list + "))" : method + "$plain(" + list + ")";
        }
    }

    /**
     * {@code Sent.gotI(Yield.yield(value))} (by type): hands {@code value} to the consumer and evaluates to what
     * it sends back ({@link Sent} turns the {@code null} of {@code next()} into a fixed value of the type). The
     * twin is {@code s.y().yI(depth, value)}, which records {@code value} and answers from the consumer's
     * script: the sent value, or the exception that {@code throwIn} or {@code close} delivers
     * ({@link YieldScript}); {@code depth} tells the script whether this is the outermost generator.
     */
    record Yield(JType type, Expr value) implements Expr {
        @Override
        public String render(Mode mode) {
            return mode.transformed()
                    ? "Sent.got" + type.code + "(Yield.yield(" + value.render(mode) + "))"
                    : "s.y().y" + type.code + "(depth, " + value.render(mode) + ")";
        }
    }

    /**
     * {@code Yield.<Integer>from(m2(args))}: delegation to another generated generator, evaluating to its
     * return value. The twin calls {@code m2$plain(args)}, whose yields go to the same script, which is what
     * delegation means: the inner values go out, the consumer's sends, throws and close go in; it is wrapped
     * in {@code s.y().fromI(s.y().mark(), ..)} because a close reaches the caller as {@code GeneratorExit}
     * even when the inner generator returns on it ({@link YieldScript#fromI}).
     */
    record Delegate(JType type, String method, List<Expr> args) implements Expr {
        @Override
        public String render(Mode mode) {
            String list = args.stream().map(a -> a.render(mode)).collect(Collectors.joining(", "));
            return mode.transformed()
                    ? "Yield.<" + type.boxed + ">from(" + method + "(" + list + "))"
                    : "s.y().from" + type.code + "(s.y().mark(), " + method + "$plain(" + list + "))";
        }
    }

    /** A call of a helper or a constructor whose arguments stay on the stack: {@code f(a, await(b), c)}. */
    record Call(JType type, String prefix, List<Expr> args, String suffix) implements Expr {
        @Override
        public String render(Mode mode) {
            String list = args.stream().map(a -> a.render(mode)).collect(Collectors.joining(", "));
            return prefix + "(" + list + ")" + suffix;
        }
    }

    /** A prefix operator: {@code -}, {@code ~}, {@code !}. */
    record Unary(JType type, String op, Expr operand) implements Expr {
        @Override
        public String render(Mode mode) {
            return "(" + op + operand.render(mode) + ")";
        }
    }

    /** An infix operator, including {@code &&}, {@code ||}, comparisons and string {@code +}. */
    record Binary(JType type, String op, Expr left, Expr right) implements Expr {
        @Override
        public String render(Mode mode) {
            return "(" + left.render(mode) + " " + op + " " + right.render(mode) + ")";
        }
    }

    /**
     * A primitive cast, also used to bring promoted {@code int} arithmetic back to a small type and to unbox
     * an awaited value before {@code ==}. It casts to the operand's own type first: in the async rendering
     * an await has a boxed type, and Java cannot cast {@code Integer} straight to {@code byte}.
     */
    record Cast(JType type, Expr operand) implements Expr {
        @Override
        public String render(Mode mode) {
            return "((" + type.source + ") (" + operand.type().source + ") " + operand.render(mode) + ")";
        }
    }

    /** {@code c ? a : b}, with awaits in any of the three. */
    record Cond(JType type, Expr condition, Expr ifTrue, Expr ifFalse) implements Expr {
        @Override
        public String render(Mode mode) {
            return "(" + condition.render(mode) + " ? " + ifTrue.render(mode) + " : " + ifFalse.render(mode) + ")";
        }
    }

    /** {@code array[index & 3]}: every generated array has length 4, so the mask keeps the index in range. */
    record ArrayGet(JType type, String array, Expr index) implements Expr {
        @Override
        public String render(Mode mode) {
            return array + "[" + index.render(mode) + " & 3]";
        }
    }

    /** {@code new int[] {e0, e1, ..}}: the new array and its index wait on the stack at each await. */
    record ArrayLit(JType type, List<Expr> elements) implements Expr {
        @Override
        public String render(Mode mode) {
            String list = elements.stream().map(e -> e.render(mode)).collect(Collectors.joining(", "));
            return "new " + type.source + " {" + list + "}";
        }
    }

    /** {@code Color.values()[(index & 3) % 3]}: an enum selector, so javac emits its switch-map class. */
    record EnumOf(Expr index) implements Expr {
        @Override
        public JType type() {
            return JType.COLOR;
        }

        @Override
        public String render(Mode mode) {
            return "Color.values()[(" + index.render(mode) + " & 3) % 3]";
        }
    }

    /**
     * {@code ((Object) subject) instanceof String b ? ifString : otherwise}: a pattern binding that is live
     * across the awaits of {@code ifString}.
     */
    record InstanceOf(Expr subject, String binding, Expr ifString, Expr otherwise) implements Expr {
        @Override
        public JType type() {
            return JType.INT;
        }

        @Override
        public String render(Mode mode) {
            return "(((Object) (" + subject.render(mode) + ")) instanceof String " + binding + " ? "
                    + ifString.render(mode) + " : " + otherwise.render(mode) + ")";
        }
    }

    /** {@code s.equals(t)} on strings (never null), so the comparison is by content. */
    record StrEquals(Expr left, Expr right) implements Expr {
        @Override
        public JType type() {
            return JType.BOOLEAN;
        }

        @Override
        public String render(Mode mode) {
            return left.render(mode) + ".equals(" + right.render(mode) + ")";
        }
    }

    /**
     * A switch expression on {@code selector & 3} (int) or on a string. {@code labels} are the case labels
     * as source, one per arm; {@code otherwise} is the default arm.
     */
    record Switch(JType type, Expr selector, List<String> labels, List<Expr> arms, Expr otherwise)
            implements Expr {
        @Override
        public String render(Mode mode) {
            String sel = selector.type() == JType.INT
                    ? "(" + selector.render(mode) + " & 3)"
                    : selector.render(mode);
            StringBuilder sb = new StringBuilder("(switch (").append(sel).append(") {");
            for (int i = 0; i < arms.size(); i++) {
                sb.append(" case ").append(labels.get(i)).append(" -> ").append(arms.get(i).render(mode)).append(';');
            }
            return sb.append(" default -> ").append(otherwise.render(mode)).append("; })").toString();
        }
    }
}
