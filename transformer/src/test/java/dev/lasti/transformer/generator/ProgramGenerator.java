package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.Expr.Var;
import dev.lasti.transformer.generator.Stmt.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates one random program per seed: a class {@code gen.P<seed>} with a few {@code @Async} methods and
 * their plain twins. The same seed and shapes always give the same source.
 */
final class ProgramGenerator {
    /**
     * Every generated method takes these, so any method can call any other. Static methods take the schedule
     * and the trace first, so their parameters sit in other slots than an instance method's.
     */
    static final String PARAMS = "int a, long b, double c, String d, int depth";

    /** The name, return type and kind of a generated method, all that a caller needs. */
    record Signature(String name, JType returns, boolean isStatic) {
        String params() {
            return (isStatic ? "Sched s, StringBuilder t, " : "") + PARAMS;
        }
    }

    /** One generated method: its signature and its body, rendered twice by {@link ProgramWriter}. */
    record Method(Signature signature, Block body) {}

    /** A generated program: the class {@code gen.<className>} with its methods, callees first. */
    record Program(long seed, String className, List<Method> methods) {
        String qualifiedName() {
            return "gen." + className;
        }
    }

    private final Set<Shape> shapes;

    ProgramGenerator(Set<Shape> shapes) {
        this.shapes = shapes;
    }

    Program generate(long seed) {
        Random rnd = new Random(seed);
        int count = 2 + rnd.nextInt(3);
        List<Method> methods = new ArrayList<>();
        List<Signature> callees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JType returns = JType.RETURNS[rnd.nextInt(JType.RETURNS.length)];
            Signature sig = new Signature("m" + i, returns, shapes.contains(Shape.STATIC_METHODS) && rnd.nextInt(3) == 0);
            List<Signature> visible = new ArrayList<>();
            for (Signature callee : callees) {
                if (callee.isStatic() || !sig.isStatic()) { // a static method has no receiver to call with
                    visible.add(callee);
                }
            }
            if (shapes.contains(Shape.NESTED_CALLS)) {
                visible.add(sig); // recursion, bounded by the depth parameter
            }
            methods.add(new Method(sig, body(rnd, visible, sig)));
            callees.add(sig);
        }
        return new Program(seed, "P" + Long.toUnsignedString(seed), methods);
    }

    private Block body(Random rnd, List<Signature> callees, Signature sig) {
        Scope sc = new Scope(rnd, shapes, shapes.contains(Shape.NESTED_CALLS) ? callees : List.of(),
                sig.returns(), 8 + rnd.nextInt(14));
        sc.declare(JType.INT, "a", true);
        sc.declare(JType.LONG, "b", true);
        sc.declare(JType.DOUBLE, "c", true);
        sc.declare(JType.STRING, "d", true);
        sc.declare(JType.INT, "depth", false);
        List<Stmt> body = new ArrayList<>();
        body.add(new Stmt.Trace(sig.name(), new Var(JType.INT, "depth")));
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
        body.add(new Stmt.Trace("end", ExprGenerator.standalone(new Var(JType.INT, "a"))));
        body.add(new Stmt.Return(gen.expressions().gen(sig.returns(), 2)));
        return new Block(body);
    }
}
