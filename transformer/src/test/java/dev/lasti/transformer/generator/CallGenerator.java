package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.Expr.Lit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes calls of other generated methods (and of the method itself): {@code await(m2(..))} in an async
 * program, {@code Yield.from(m2(..))} in a generator one, where the callee is a generator too and its yields
 * become the caller's. Every call is guarded by {@code depth > 0}, so nested calls and recursion end.
 */
final class CallGenerator {
    private final Scope sc;
    private final ExprGenerator ex;

    CallGenerator(Scope sc, ExprGenerator ex) {
        this.sc = sc;
        this.ex = ex;
    }

    /**
     * {@code depth > 0 ? await(mK(..)) : literal} (or {@code Yield.from}), or {@code null} when no callee
     * returns {@code type}, the budget is spent, or this is inside a loop (where it would multiply run time).
     */
    Expr nestedCall(JType type, int depth) {
        if (sc.callBudget <= 0 || sc.loopDepth > 0) {
            return null;
        }
        List<ProgramGenerator.Signature> fits = new ArrayList<>();
        for (ProgramGenerator.Signature s : sc.callees) {
            if (s.returns() == type) {
                fits.add(s);
            }
        }
        if (fits.isEmpty()) {
            return null;
        }
        sc.callBudget--;
        sc.callsAsync = true;
        ProgramGenerator.Signature callee = fits.get(sc.rnd.nextInt(fits.size()));
        boolean direct = callee.callableDirectlyFrom(sc.self);
        List<Expr> args = new ArrayList<>();
        if (!direct || callee.isStatic()) {
            args.add(new Lit(JType.STRING, "s"));
            args.add(ExprGenerator.TRACE);
        }
        args.addAll(List.of(ex.gen(JType.INT, depth - 1), ex.gen(JType.LONG, depth - 1),
                ex.gen(JType.DOUBLE, depth - 1), ex.gen(JType.STRING, depth - 1), new Lit(JType.INT, "(depth - 1)")));
        String method = direct ? callee.name() : sc.className + "." + callee.entry();
        Expr call = sc.kind == Mode.GENERATOR ? new Expr.Delegate(type, method, args)
                : new Expr.CallAsync(type, method, args);
        return new Expr.Cond(type, new Lit(JType.BOOLEAN, "(depth > 0)"), call, ex.lit(type));
    }
}
