package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.Expr.Lit;
import dev.lasti.transformer.generator.Expr.Var;
import dev.lasti.transformer.generator.Host.Extra;
import dev.lasti.transformer.generator.Stmt.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates one random program per seed: a class {@code gen.P<seed>} with a few {@code @Async} methods and
 * their plain twins, each in a {@link Host} of its own, each reached through a static entry. The same seed
 * and shapes always give the same source.
 */
final class ProgramGenerator {
    /**
     * Every generated method takes these, so any method can call any other. Static methods take the schedule
     * and the trace first, so their parameters sit in other slots than an instance method's.
     */
    static final String PARAMS = "int a, long b, double c, String d, int depth";

    /**
     * The name, return type, kind and place of a generated method, all that a caller needs.
     *
     * @param index the method's position: its entry is {@code e<index>}
     */
    record Signature(int index, String name, JType returns, boolean isStatic, Host host, Extra extra) {
        /** The declared parameters, as the host's method declares them. */
        String params() {
            return (host.takesScheduleAndTrace(isStatic) ? "Sched s, StringBuilder t, " : "")
                    + (extra == Extra.GENERIC ? "V v, " : "") + PARAMS + (extra == Extra.VARARGS ? ", int... more" : "");
        }

        /** The arguments an entry passes, from its own parameters of the same names. */
        String arguments() {
            return (host.takesScheduleAndTrace(isStatic) ? "s, t, " : "") + (extra == Extra.GENERIC ? "d, " : "")
                    + "a, b, c, d, depth" + (extra == Extra.VARARGS ? ", a, 3" : "");
        }

        String typeParameters() {
            return extra == Extra.GENERIC ? "<V extends CharSequence> " : "";
        }

        /** The static entry in the program's class: {@code e<index>}, and {@code e<index>$plain} for the twin. */
        String entry() {
            return "e" + index;
        }

        /** The body lives in the program's class, so it calls that class's members directly. */
        boolean inTopClass() {
            return host == Host.TOP || host == Host.METHOD_REF;
        }

        /** Whether {@code caller} may call this by name, with the plain parameter list, instead of via its entry. */
        boolean callableDirectlyFrom(Signature caller) {
            return inTopClass() && extra == Extra.NONE && caller.inTopClass() && (isStatic || !caller.isStatic);
        }
    }

    /**
     * One generated method: its signature and its body, rendered twice by {@link ProgramWriter}.
     *
     * @param callsAsync whether the body awaits another generated method (cancelling such a run would cancel
     *     two tasks, whose {@code finally} blocks a twin cannot order, so those runs are not cancelled)
     */
    record Method(Signature signature, Block body, boolean callsAsync) {}

    /**
     * A generated program: the class {@code gen.<className>} with its methods, callees first.
     *
     * @param kind how every method of it is transformed: {@link Mode#ASYNC}, {@link Mode#GENERATOR} or
     *     {@link Mode#ASYNC_GENERATOR}
     */
    record Program(long seed, String className, List<Method> methods, Mode kind) {
        /** An {@code @Async} program. */
        Program(long seed, String className, List<Method> methods) {
            this(seed, className, methods, Mode.ASYNC);
        }

        String qualifiedName() {
            return "gen." + className;
        }
    }

    private final Set<Shape> shapes;
    private final Mode kind;

    /** Generates {@code @Async} programs. */
    ProgramGenerator(Set<Shape> shapes) {
        this(shapes, Mode.ASYNC);
    }

    /**
     * Generates programs of {@code kind}, leaving out the shapes that kind cannot have ({@link
     * Shape#fitting}); an {@code @Async} program of a seed is the same whether generator modes exist or not.
     */
    ProgramGenerator(Set<Shape> shapes, Mode kind) {
        this.shapes = Shape.fitting(shapes, kind);
        this.kind = kind;
    }

    Program generate(long seed) {
        Random rnd = new Random(seed);
        String className = prefix(kind) + Long.toUnsignedString(seed);
        int count = 2 + rnd.nextInt(3);
        List<Method> methods = new ArrayList<>();
        List<Signature> callees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Signature sig = signature(rnd, i, callees);
            List<Signature> visible = new ArrayList<>(callees); // each callable by name or through its entry
            if (shapes.contains(Shape.NESTED_CALLS)) {
                visible.add(sig); // recursion, bounded by the depth parameter
            }
            Scope sc = new Scope(rnd, shapes, shapes.contains(Shape.NESTED_CALLS) ? visible : List.of(),
                    sig.returns(), 8 + rnd.nextInt(14), className, sig, kind);
            Block body = body(sc, sig);
            methods.add(new Method(sig, body, sc.callsAsync));
            callees.add(sig);
        }
        return new Program(seed, className, methods, kind);
    }

    /** {@code P7} for an async program, {@code G7} for a generator one, {@code A7} for an async generator one. */
    static String prefix(Mode kind) {
        return switch (kind) {
            case ASYNC, PLAIN -> "P";
            case GENERATOR -> "G";
            case ASYNC_GENERATOR -> "A";
        };
    }

    /** A host, a kind, extra parameters and a name for method {@code i}. */
    private Signature signature(Random rnd, int i, List<Signature> earlier) {
        JType returns = JType.RETURNS[rnd.nextInt(JType.RETURNS.length)];
        Host host = rnd.nextInt(100) < 40 ? Host.TOP : Host.values()[1 + rnd.nextInt(Host.values().length - 1)];
        if (host.shape != null && !shapes.contains(host.shape)) {
            host = Host.TOP;
        }
        boolean canBeStatic = host == Host.TOP || host == Host.OTHER_TOP;
        boolean isStatic = canBeStatic && shapes.contains(Shape.STATIC_METHODS) && rnd.nextInt(3) == 0;
        Extra extra = Extra.NONE;
        int r = rnd.nextInt(100);
        if (host.freeSignature() && r < 15 && shapes.contains(Shape.GENERIC_METHODS)) {
            extra = Extra.GENERIC;
        } else if (host.freeSignature() && r < 30 && shapes.contains(Shape.VARARGS_METHODS)) {
            extra = Extra.VARARGS;
        }
        return new Signature(i, name(rnd, i, host, extra, earlier), returns, isStatic, host, extra);
    }

    /**
     * {@code m<i>}, or for a method of the program's class sometimes an overload of an earlier one (same name,
     * other extra parameters) or a name with {@code $} in it, including {@code m<j>$<digits>} beside an
     * earlier {@code m<j>}: the way frame classes of overloads are numbered, so the names must stay injective
     * (issue 10's frame-name defect: {@code m()}, {@code m(int)} and {@code m$2()} shared a frame class).
     */
    private String name(Random rnd, int i, Host host, Extra extra, List<Signature> earlier) {
        if (host != Host.TOP || !shapes.contains(Shape.OVERLOADS_AND_DOLLARS)) {
            return "m" + i;
        }
        int r = rnd.nextInt(100);
        if (r < 40 && extra != Extra.NONE) {
            for (Signature e : earlier) {
                if (e.host() == Host.TOP && earlier.stream().noneMatch(o -> o.name().equals(e.name())
                        && o.extra() == extra)) {
                    return e.name(); // an overload: no method of that name has these parameters yet
                }
            }
        }
        if (r < 48 && !earlier.isEmpty()) {
            String numbered = earlier.get(rnd.nextInt(earlier.size())).name() + "$" + (1 + rnd.nextInt(3));
            if (earlier.stream().noneMatch(o -> o.name().equals(numbered))) {
                return numbered;
            }
        }
        if (r < 55) {
            return rnd.nextBoolean() ? "m" + i + "$q" : "$" + i + "m";
        }
        return "m" + i;
    }

    private Block body(Scope sc, Signature sig) {
        sc.declare(JType.INT, "a", true);
        sc.declare(JType.LONG, "b", true);
        sc.declare(JType.DOUBLE, "c", true);
        sc.declare(JType.STRING, "d", true);
        sc.declare(JType.INT, "depth", false);
        List<Stmt> body = new ArrayList<>();
        body.add(new Stmt.Trace(sig.name(), new Var(JType.INT, "depth")));
        body.addAll(extraTraces(sig.extra(), "x"));
        if (shapes.contains(Shape.ARRAYS)) {
            body.add(new Stmt.Decl(JType.INT_ARRAY, "ia", new Expr.Lit(JType.INT_ARRAY, "new int[] {a, 1, 2, 3}")));
            body.add(new Stmt.Decl(JType.LONG_ARRAY, "la", new Expr.Lit(JType.LONG_ARRAY, "new long[] {b, 5L, 6L, 7L}")));
            sc.declare(JType.INT_ARRAY, "ia", false);
            sc.declare(JType.LONG_ARRAY, "la", false);
        }
        StmtGenerator gen = new StmtGenerator(sc);
        while (sc.budget > 0) {
            body.addAll(gen.block(0, 6).body());
        }
        body.addAll(extraTraces(sig.extra(), "y")); // the extra parameter is live across every await
        body.add(new Stmt.Trace("end", ExprGenerator.standalone(new Var(JType.INT, "a"))));
        body.add(new Stmt.Return(gen.expressions().gen(sig.returns(), 2)));
        return new Block(body);
    }

    /** Traces of the generic or varargs parameter, so it is used (and so saved) across the awaits. */
    private static List<Stmt> extraTraces(Extra extra, String label) {
        return switch (extra) {
            case NONE -> List.of();
            case GENERIC -> List.of(new Stmt.Trace("v" + label, new Lit(JType.STRING, "v.length() + \":\" + v")));
            case VARARGS -> List.of(new Stmt.Trace("va" + label, new Lit(JType.STRING, "more.length + \":\" + more[1]")));
        };
    }
}
