package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.ProgramGenerator.Method;
import dev.lasti.transformer.generator.ProgramGenerator.Signature;

/**
 * Writes each method into its {@link Host}, once in the program's transformed {@link Mode} ({@code @Async},
 * {@code @Generates} or both) and once as the twin, and the
 * two static entries that reach it. The body is the same AST in every host; only the declarations around
 * it differ, and the names {@code s} and {@code t} always resolve: to fields, record components, parameters
 * or captured locals, as the host has them.
 */
final class HostWriter {
    private final String owner;
    private final StringBuilder out;
    /** The program's transformed mode, and the twin: the two renderings of every method. */
    private final java.util.List<Mode> modes;

    HostWriter(String owner, Mode kind, StringBuilder out) {
        this.owner = owner;
        this.out = out;
        this.modes = java.util.List.of(kind, Mode.PLAIN);
    }

    /** The declarations that live in the program's class: methods, nested types, lambda factories. */
    void member(Method m) {
        Signature sig = m.signature();
        String i = Integer.toString(sig.index());
        switch (sig.host()) {
            case TOP, METHOD_REF -> methods(m, 1, sig.isStatic() ? "public static " : "public ");
            case NESTED -> {
                open("static final class N" + i);
                fields("N" + i, 2);
                methods(m, 2, "");
                close();
            }
            case INNER -> {
                open("final class I" + i);
                methods(m, 2, "");
                close();
            }
            case INTERFACE_DEFAULT -> {
                open("interface D" + i);
                methods(m, 2, "default ");
                close();
            }
            case INTERFACE_STATIC -> {
                open("interface S" + i);
                methods(m, 2, "static ");
                close();
            }
            case ENUM -> {
                open("enum E" + i);
                out.append("        ONE, TWO;\n");
                methods(m, 2, "");
                close();
            }
            case ENUM_CONSTANT -> enumConstant(m, i);
            case RECORD -> {
                open("record R" + i + "(Sched s, StringBuilder t)");
                methods(m, 2, "");
                close();
            }
            case LAMBDA -> lambdaFactories(m, i);
            case LOCAL, ANONYMOUS, OTHER_TOP -> { } // written by entries() and topLevel()
        }
    }

    /** A package-private top-level class after the program's class, for {@link Host#OTHER_TOP}. */
    void topLevel(Method m) {
        if (m.signature().host() != Host.OTHER_TOP) {
            return;
        }
        String name = owner + "$Q" + m.signature().index();
        out.append("\nfinal class ").append(name).append(" {\n");
        if (!m.signature().isStatic()) {
            fields(name, 1);
        }
        methods(m, 1, m.signature().isStatic() ? "static " : "");
        out.append("}\n");
    }

    /** {@code e<i>} and {@code e<i>$plain}: static, same parameters for every host. */
    void entries(Method m) {
        Signature sig = m.signature();
        for (Mode mode : modes) {
            String suffix = mode.transformed() ? "" : "$plain";
            String returns = mode.returnType(sig.returns());
            out.append("\n    public static ").append(returns).append(' ').append(sig.entry()).append(suffix)
                    .append("(Sched s, StringBuilder t, ").append(ProgramGenerator.PARAMS).append(") {\n");
            entryBody(m, mode, suffix);
            out.append("    }\n");
        }
    }

    private void entryBody(Method m, Mode mode, String suffix) {
        Signature sig = m.signature();
        String i = Integer.toString(sig.index());
        String call = sig.name() + suffix + "(" + sig.arguments() + ")";
        String task = (mode.transformed() ? "Task<" : "Plain<") + sig.returns().boxed + ">";
        String target = switch (sig.host()) {
            case TOP -> sig.isStatic() ? call : "new " + owner + "(s, t)." + call;
            case METHOD_REF -> {
                line(2, task + " f = new " + owner + "(s, t)::" + sig.name() + suffix + ";");
                yield "f.go(a, b, c, d, depth)";
            }
            case NESTED -> "new N" + i + "(s, t)." + call;
            case INNER -> "new " + owner + "(s, t).new I" + i + "()." + call;
            case INTERFACE_DEFAULT -> "new D" + i + "() {}." + call;
            case INTERFACE_STATIC -> "S" + i + "." + call;
            case ENUM -> "E" + i + ".TWO." + call;
            case ENUM_CONSTANT -> "K" + i + ".ONE." + call;
            case RECORD -> "new R" + i + "(s, t)." + call;
            case LAMBDA -> "f" + i + suffix + "(s, t).go(a, b, c, d, depth)";
            case OTHER_TOP -> (sig.isStatic() ? owner + "$Q" + i + "." : "new " + owner + "$Q" + i + "(s, t).") + call;
            case LOCAL -> {
                line(2, "final class L" + i + " {");
                method(m, mode, 3, "");
                line(2, "}");
                yield "new L" + i + "()." + call;
            }
            case ANONYMOUS -> {
                line(2, "return new " + task + "() {");
                anonymousGo(m, mode);
                line(2, "}.go(a, b, c, d, depth);");
                yield null;
            }
        };
        if (target != null) {
            line(2, "return " + target + ";");
        }
    }

    private void anonymousGo(Method m, Mode mode) {
        // Plain<R>.go returns R, boxed: the twin's go returns the boxed type.
        String returns = mode.transformed() ? mode.returnType(m.signature().returns()) : m.signature().returns().boxed;
        if (mode.transformed()) {
            line(3, mode.annotation);
        }
        line(3, "@Override");
        line(3, "public " + returns + " go(" + ProgramGenerator.PARAMS + ")");
        m.body().render(mode, 3, out);
    }

    /** {@code f<i>(s, t)} returns the async lambda; {@code f<i>$plain(s, t)} its twin. */
    private void lambdaFactories(Method m, String i) {
        for (Mode mode : modes) {
            String task = (mode.transformed() ? "Task<" : "Plain<") + m.signature().returns().boxed + ">";
            String suffix = mode.transformed() ? "" : "$plain";
            out.append('\n');
            line(1, "static " + task + " f" + i + suffix + "(Sched s, StringBuilder t) {");
            line(2, "return (a, b, c, d, depth) ->");
            StringBuilder body = new StringBuilder();
            m.body().render(mode, 2, body);
            out.append(body, 0, body.length() - 1).append(";\n");
            line(1, "}");
        }
    }

    private void enumConstant(Method m, String i) {
        Signature sig = m.signature();
        open("enum K" + i);
        line(2, "ONE {");
        for (Mode mode : modes) {
            method(m, mode, 3, "@Override ");
        }
        line(2, "};");
        line(2, "abstract " + modes.get(0).returnType(sig.returns()) + " " + sig.name() + "(" + sig.params() + ");");
        line(2, "abstract " + sig.returns().source + " " + sig.name() + "$plain(" + sig.params() + ");");
        close();
    }

    /** The async method and its twin, at {@code indent}, with {@code modifiers} before the return type. */
    private void methods(Method m, int indent, String modifiers) {
        for (Mode mode : modes) {
            method(m, mode, indent, modifiers);
        }
    }

    private void method(Method m, Mode mode, int indent, String modifiers) {
        Signature sig = m.signature();
        out.append('\n');
        if (mode.transformed()) {
            line(indent, mode.annotation);
        }
        String returns = mode.returnType(sig.returns());
        String name = mode.transformed() ? sig.name() : sig.name() + "$plain";
        line(indent, modifiers + sig.typeParameters() + returns + " " + name + "(" + sig.params() + ")");
        m.body().render(mode, indent, out);
    }

    /** {@code s} and {@code t} fields and the constructor that sets them. */
    private void fields(String className, int in) {
        line(in, "private final Sched s;");
        line(in, "private final StringBuilder t;");
        line(in, className + "(Sched s, StringBuilder t) {");
        line(in + 1, "this.s = s;");
        line(in + 1, "this.t = t;");
        line(in, "}");
    }

    private void open(String head) {
        out.append('\n');
        line(1, head + " {");
    }

    private void close() {
        line(1, "}");
    }

    private void line(int indent, String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }
}
