package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.Expr.Lit;
import dev.lasti.transformer.generator.Expr.Var;
import dev.lasti.transformer.generator.Stmt.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes random statements: declarations of every type, assignments, array stores, trace points, if/else,
 * bounded loops with labeled jumps, switches and try/catch/finally, each with awaits in its expressions.
 */
final class StmtGenerator {
    private final Scope sc;
    private final ExprGenerator ex;

    StmtGenerator(Scope sc) {
        this.sc = sc;
        this.ex = new ExprGenerator(sc);
    }

    /** A block of up to {@code max} statements in a new scope. */
    Block block(int nesting, int max) {
        sc.push();
        List<Stmt> body = new ArrayList<>();
        int n = 1 + sc.rnd.nextInt(max);
        for (int i = 0; i < n && sc.budget > 0; i++) {
            sc.budget--;
            body.add(stmt(nesting));
        }
        sc.pop();
        return new Block(body);
    }

    /** {@code if (c) { ..; jump }}: the only place a break, continue, return or throw appears. */
    private Stmt ifWithJump(int nesting) {
        Expr cond = ex.gen(JType.BOOLEAN, 1);
        Block then = block(nesting + 1, 2);
        List<Stmt> body = new ArrayList<>(then.body());
        body.add(jump());
        return new Stmt.If(cond, new Block(body), null);
    }

    private Stmt.Jump jump() {
        List<Stmt.Jump> options = new ArrayList<>();
        if (!sc.inFinally) {
            options.add(new Stmt.Return(ex.gen(sc.returns, 2)));
            options.add(new Stmt.Throw(ex.gen(JType.STRING, 1), null));
        }
        for (String caught : sc.caught) {
            options.add(new Stmt.Throw(null, caught));
        }
        boolean inLoop = false;
        for (Scope.Target t : sc.targets) {
            inLoop |= t.loop();
            if (t.label() != null) {
                options.add(new Stmt.Break(t.label()));
                options.add(new Stmt.Continue(t.label()));
            }
        }
        if (!sc.targets.isEmpty()) {
            options.add(new Stmt.Break(null));
        }
        if (inLoop) {
            options.add(new Stmt.Continue(null));
        }
        if (options.isEmpty()) {
            // Only a throw is left; it ends the finally block's own if, so the finally still completes.
            return new Stmt.Throw(new Lit(JType.STRING, "\"fin\""), null);
        }
        return options.get(sc.rnd.nextInt(options.size()));
    }

    private Stmt stmt(int nesting) {
        int r = sc.rnd.nextInt(100);
        boolean canNest = nesting < 3 && sc.budget > 2;
        if (r < 22 || !canNest && r < 50) {
            return decl();
        }
        if (r < 36 || !canNest && r < 75) {
            return assign();
        }
        if (r < 48 || !canNest) {
            return new Stmt.Trace(sc.fresh("s"), ExprGenerator.standalone(ex.gen(ex.pickScalar(), 1)));
        }
        if (r < 53 && sc.on(Shape.ARRAYS)) {
            return arraySet();
        }
        if (r < 60) {
            Block orElse = sc.chance(40) ? block(nesting + 1, 3) : null;
            return new Stmt.If(ex.gen(JType.BOOLEAN, 1), block(nesting + 1, 3), orElse);
        }
        if (r < 68) {
            return ifWithJump(nesting);
        }
        if (r < 78 && sc.on(Shape.LOOPS)) {
            return loop(nesting);
        }
        if (r < 82 && sc.on(Shape.FOREACH)) {
            return forEach(nesting);
        }
        if (r < 87 && sc.on(Shape.SWITCH_STATEMENTS)) {
            return switchStmt(nesting);
        }
        if (r < 97 && (sc.on(Shape.TRY_CATCH) || sc.on(Shape.FINALLY))) {
            return new TryGenerator(sc, this).tryStmt(nesting);
        }
        return block(nesting + 1, 3);
    }

    private Stmt decl() {
        if (sc.on(Shape.ARRAYS) && sc.chance(8)) {
            JType at = sc.chance(50) ? JType.INT_ARRAY : JType.LONG_ARRAY;
            Scope.Local source = sc.pick(at, false);
            Expr init = source != null && sc.chance(60)
                    ? ex.suspend(at, new Var(at, source.name()))
                    : new Expr.ArrayLit(at, elements(at.element()));
            return declare(at, init);
        }
        JType t = ex.pickScalar();
        return declare(t, ex.gen(t, 2));
    }

    /** Four element initialisers: every generated array has length 4 (see {@link Expr.ArrayGet}). */
    private List<Expr> elements(JType element) {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(ex.gen(element, 1));
        }
        return out;
    }

    private Stmt declare(JType t, Expr init) {
        Scope.Local l = sc.declare(t, sc.fresh("v"), true);
        return new Stmt.Decl(t, l.name(), init);
    }

    private Stmt assign() {
        Scope.Local l = sc.pickAssignable();
        if (l == null) {
            return decl();
        }
        JType t = l.type();
        Expr value = ex.gen(t, 2);
        if (t == JType.STRING) {
            // cut() keeps strings short when a loop keeps appending to them.
            Expr grown = sc.chance(50) ? new Expr.Binary(t, "+", new Var(t, l.name()), value) : value;
            return new Stmt.Assign(l.name(), "=", new Expr.Call(t, "cut", List.of(grown), ""));
        }
        String op;
        if (t == JType.BOOLEAN) {
            op = new String[] {"=", "&=", "|=", "^="}[sc.rnd.nextInt(4)];
        } else if (t.integral()) {
            op = new String[] {"=", "+=", "-=", "*=", "^=", "|="}[sc.rnd.nextInt(6)];
        } else {
            op = new String[] {"=", "+=", "-=", "*="}[sc.rnd.nextInt(4)];
        }
        return new Stmt.Assign(l.name(), op, value);
    }

    private Stmt arraySet() {
        JType at = sc.chance(50) ? JType.INT_ARRAY : JType.LONG_ARRAY;
        Scope.Local arr = sc.pick(at, false);
        if (arr == null) {
            return decl();
        }
        String op = new String[] {"=", "+=", "^="}[sc.rnd.nextInt(3)];
        return new Stmt.ArraySet(arr.name(), ex.gen(JType.INT, 1), op, ex.gen(at.element(), 2));
    }

    private Stmt loop(int nesting) {
        Stmt.LoopKind kind = Stmt.LoopKind.values()[sc.rnd.nextInt(3)];
        String label = sc.on(Shape.LABELED_JUMPS) && sc.chance(35) ? sc.fresh("L") : null;
        String counter = sc.fresh("i");
        Expr bound = ex.gen(JType.INT, 1);
        Expr extra = sc.chance(50) ? new Lit(JType.BOOLEAN, "true") : ex.gen(JType.BOOLEAN, 1);
        // Visible (read-only) in the body only; a while's counter is declared just before the loop, but
        // nothing after the loop needs it, and a for's counter would not be in scope there.
        sc.push();
        sc.declare(JType.INT, counter, false);
        Block body = loopBody(label, nesting);
        sc.pop();
        return new Stmt.Loop(kind, label, counter, bound, extra, body);
    }

    private Block loopBody(String label, int nesting) {
        sc.targets.add(new Scope.Target(label, true));
        sc.loopDepth++;
        Block body = block(nesting + 1, 4);
        sc.loopDepth--;
        sc.targets.remove(sc.targets.size() - 1);
        return body;
    }

    private Stmt forEach(int nesting) {
        String label = sc.on(Shape.LABELED_JUMPS) && sc.chance(25) ? sc.fresh("L") : null;
        String var = sc.fresh("e");
        JType at = sc.chance(50) ? JType.INT_ARRAY : JType.LONG_ARRAY;
        Scope.Local arr = sc.on(Shape.ARRAYS) ? sc.pick(at, false) : null;
        JType element;
        Expr iterable;
        if (arr != null && sc.chance(70)) {
            element = at.element();
            Expr v = new Var(at, arr.name());
            iterable = sc.chance(50) ? ex.suspend(at, v) : v;
        } else {
            element = JType.STRING;
            List<Expr> items = List.of(ex.gen(JType.STRING, 1), ex.gen(JType.STRING, 1), ex.gen(JType.STRING, 1));
            iterable = new Expr.Call(JType.STRING, "java.util.List.of", items, "");
        }
        sc.push();
        sc.declare(element, var, false);
        Block body = loopBody(label, nesting);
        sc.pop();
        return new Stmt.ForEach(label, element, var, iterable, body);
    }

    private Stmt switchStmt(int nesting) {
        Expr selector = ex.selector(1, true);
        List<String> labels = new ArrayList<>();
        List<Block> arms = new ArrayList<>();
        sc.targets.add(new Scope.Target(null, false));
        int n = 1 + sc.rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            labels.add(ExprGenerator.caseLabel(selector.type(), i));
            arms.add(block(nesting + 1, 3));
        }
        Block otherwise = block(nesting + 1, 2);
        sc.targets.remove(sc.targets.size() - 1);
        return new Stmt.Switch(selector, sc.chance(50), labels, arms, otherwise);
    }

    /** Lets {@link TryGenerator} write the statements inside try, catch and finally. */
    Block nestedBlock(int nesting, int max) {
        return block(nesting + 1, max);
    }

    ExprGenerator expressions() {
        return ex;
    }
}
