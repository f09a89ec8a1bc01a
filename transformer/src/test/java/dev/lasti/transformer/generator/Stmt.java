package dev.lasti.transformer.generator;

import java.util.List;

/**
 * A statement of a generated program; like {@link Expr} it renders both the async method and its twin.
 * Jumps ({@link Jump}) only ever end an {@code if} block, so javac never sees unreachable code.
 */
sealed interface Stmt {
    /** Appends this statement, indented by {@code indent} levels, to {@code out}. */
    void render(Mode mode, int indent, StringBuilder out);

    private static StringBuilder line(StringBuilder out, int indent) {
        return out.append("    ".repeat(indent));
    }

    /** {@code T name = init;} */
    record Decl(JType type, String name, Expr init) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(type.source).append(' ').append(name).append(" = ")
                    .append(init.render(mode)).append(";\n");
        }
    }

    /** {@code name op value;} where {@code op} is {@code =} or a compound operator such as {@code +=}. */
    record Assign(String name, String op, Expr value) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(name).append(' ').append(op).append(' ').append(value.render(mode)).append(";\n");
        }
    }

    /** {@code array[index & 3] op value;}: the array and the index wait on the stack while value awaits. */
    record ArraySet(String array, Expr index, String op, Expr value) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(array).append('[').append(index.render(mode)).append(" & 3] ").append(op)
                    .append(' ').append(value.render(mode)).append(";\n");
        }
    }

    /** Records {@code label=value;} in the trace; the builder itself is on the stack during the await. */
    record Trace(String label, Expr value) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append("t.append(\"").append(label).append("=\").append(").append(value.render(mode))
                    .append(").append(';');\n");
        }
    }

    /** {@code { ... }}, which also scopes its declarations so javac reuses their slots. */
    record Block(List<Stmt> body) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append("{\n");
            renderBody(mode, indent + 1, out);
            line(out, indent).append("}\n");
        }

        void renderBody(Mode mode, int indent, StringBuilder out) {
            for (Stmt s : body) {
                s.render(mode, indent, out);
            }
        }
    }

    /** {@code if (c) {..} else {..}}; {@code orElse} may be {@code null}. */
    record If(Expr condition, Block then, Block orElse) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append("if (").append(condition.render(mode)).append(")\n");
            then.render(mode, indent, out);
            if (orElse != null) {
                line(out, indent).append("else\n");
                orElse.render(mode, indent, out);
            }
        }
    }

    /** The kinds of bounded loop; each keeps its own counter so it always ends. */
    enum LoopKind { FOR, WHILE, DO_WHILE }

    /**
     * A counted loop: at most {@code bound & 3} rounds, and fewer when {@code extra} turns false. The counter
     * is bumped first in the body so {@code continue} cannot skip it.
     *
     * @param label the loop's label, or {@code null}
     */
    record Loop(LoopKind kind, String label, String counter, Expr bound, Expr extra, Block body) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            String cond = counter + " < (" + bound.render(mode) + " & 3) && " + extra.render(mode);
            String lbl = label == null ? "" : label + ": ";
            switch (kind) {
                case FOR -> line(out, indent).append(lbl).append("for (int ").append(counter).append(" = 0; ")
                        .append(cond).append("; ").append(counter).append("++)\n");
                case WHILE -> {
                    line(out, indent).append("int ").append(counter).append(" = 0;\n");
                    line(out, indent).append(lbl).append("while (").append(cond).append(")\n");
                }
                case DO_WHILE -> {
                    line(out, indent).append("int ").append(counter).append(" = 0;\n");
                    line(out, indent).append(lbl).append("do\n");
                }
            }
            List<Stmt> inner = kind == LoopKind.FOR ? body.body()
                    : prepend(new Assign(counter, "+=", new Expr.Lit(JType.INT, "1")), body.body());
            new Block(inner).render(mode, indent, out);
            if (kind == LoopKind.DO_WHILE) {
                line(out, indent).append("while (").append(cond).append(");\n");
            }
        }

        private static List<Stmt> prepend(Stmt first, List<Stmt> rest) {
            var all = new java.util.ArrayList<Stmt>(rest.size() + 1);
            all.add(first);
            all.addAll(rest);
            return all;
        }
    }

    /** {@code for (T var : iterable)} over an array or a {@code List.of(..)}. */
    record ForEach(String label, JType elementType, String var, Expr iterable, Block body) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(label == null ? "" : label + ": ").append("for (")
                    .append(elementType.source).append(' ').append(var).append(" : ").append(iterable.render(mode))
                    .append(")\n");
            body.render(mode, indent, out);
        }
    }

    /**
     * A switch statement on {@code selector & 3}, on a string or on an enum, in arrow form or in colon form with a
     * {@code break} ending every group.
     */
    record Switch(Expr selector, boolean arrows, List<String> labels, List<Block> arms, Block otherwise)
            implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            String sel = selector.type() == JType.INT ? "(" + selector.render(mode) + " & 3)" : selector.render(mode);
            line(out, indent).append("switch (").append(sel).append(") {\n");
            for (int i = 0; i <= arms.size(); i++) {
                String head = i < arms.size() ? "case " + labels.get(i) : "default";
                Block arm = i < arms.size() ? arms.get(i) : otherwise;
                line(out, indent + 1).append(head).append(arrows ? " ->\n" : ":\n");
                if (arrows) {
                    arm.render(mode, indent + 1, out);
                } else {
                    line(out, indent + 1).append("{\n");
                    arm.renderBody(mode, indent + 2, out);
                    line(out, indent + 2).append("break;\n");
                    line(out, indent + 1).append("}\n");
                }
            }
            line(out, indent).append("}\n");
        }
    }

    /** One {@code catch (type var) {..}} clause. */
    record Catch(String exceptionType, String var, Block body) {}

    /** {@code try {..} catch .. finally {..}}; {@code fin} may be {@code null} when there are catches. */
    record Try(Block body, List<Catch> catches, Block fin) implements Stmt {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append("try\n");
            body.render(mode, indent, out);
            for (Catch c : catches) {
                line(out, indent).append("catch (").append(c.exceptionType()).append(' ').append(c.var()).append(")\n");
                c.body().render(mode, indent, out);
            }
            if (fin != null) {
                line(out, indent).append("finally\n");
                fin.render(mode, indent, out);
            }
        }
    }

    /** The statements that leave normal flow; only ever the last statement of an {@code if} block. */
    sealed interface Jump extends Stmt {}

    /** {@code break;} or {@code break label;}. */
    record Break(String label) implements Jump {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(label == null ? "break;\n" : "break " + label + ";\n");
        }
    }

    /** {@code continue;} or {@code continue label;}. */
    record Continue(String label) implements Jump {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(label == null ? "continue;\n" : "continue " + label + ";\n");
        }
    }

    /** {@code throw new GenException(message)}, or a rethrow when {@code message} is a caught variable. */
    record Throw(Expr message, String rethrow) implements Jump {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(rethrow != null ? "throw " + rethrow + ";\n"
                    : "throw new GenException(" + message.render(mode) + ");\n");
        }
    }

    /**
     * {@code return Future.completed(value);} ({@code Yield.done}, {@code AsyncGenerator.done} in the generator
     * modes), and {@code return value;} in the twin.
     */
    record Return(Expr value) implements Jump {
        @Override
        public void render(Mode mode, int indent, StringBuilder out) {
            line(out, indent).append(mode.transformed()
                    ? "return " + mode.done + "(" + value.render(mode) + ");\n"
                    : "return " + value.render(mode) + ";\n");
        }
    }
}
