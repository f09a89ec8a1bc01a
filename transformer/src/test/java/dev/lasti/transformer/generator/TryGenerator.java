package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.Expr.Lit;
import dev.lasti.transformer.generator.Stmt.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes try/catch/finally statements: awaits inside try, catch and finally, catches that trace the message
 * and sometimes rethrow or wrap, and finally blocks that the jumps of the try block have to pass through.
 */
final class TryGenerator {
    private final Scope sc;
    private final StmtGenerator stmts;

    TryGenerator(Scope sc, StmtGenerator stmts) {
        this.sc = sc;
        this.stmts = stmts;
    }

    Stmt tryStmt(int nesting) {
        sc.tryDepth++;
        Block body = stmts.nestedBlock(nesting, 4);
        sc.tryDepth--;
        List<Stmt.Catch> catches = sc.on(Shape.TRY_CATCH) ? catches(nesting) : List.of();
        boolean withFinally = sc.on(Shape.FINALLY) && (catches.isEmpty() || sc.chance(40));
        Block fin = withFinally ? finallyBlock(nesting) : null;
        if (catches.isEmpty() && fin == null) {
            return body;
        }
        return new Stmt.Try(body, catches, fin);
    }

    private List<Stmt.Catch> catches(int nesting) {
        List<String> types = new ArrayList<>();
        if (sc.chance(80)) {
            types.add("GenException");
        }
        if (sc.on(Shape.DIVISION) && sc.chance(40)) {
            types.add("ArithmeticException");
        }
        // The catch-all goes last: javac rejects a subclass caught after its superclass.
        if (types.isEmpty() || sc.chance(25)) {
            types.add("RuntimeException");
        }
        List<Stmt.Catch> out = new ArrayList<>();
        for (String type : types) {
            out.add(catchClause(type, nesting));
        }
        return out;
    }

    private Stmt.Catch catchClause(String type, int nesting) {
        String var = sc.fresh("ex");
        String message = "String.valueOf(" + var + ".getMessage())";
        List<Stmt> body = new ArrayList<>();
        body.add(new Stmt.Trace(sc.fresh("c"), new Lit(JType.STRING, message)));
        sc.caught.add(var);
        body.addAll(stmts.nestedBlock(nesting, 3).body());
        sc.caught.remove(var);
        int r = sc.rnd.nextInt(100);
        if (r < 15) {
            body.add(new Stmt.Throw(null, var));
        } else if (r < 25) {
            Expr wrapped = new Expr.Binary(JType.STRING, "+", new Lit(JType.STRING, "\"w:\""),
                    new Lit(JType.STRING, message));
            body.add(new Stmt.Throw(wrapped, null));
        }
        return new Stmt.Catch(type, var, new Block(body));
    }

    /** A finally block: no return, break or continue may leave it, since that would swallow exceptions. */
    private Block finallyBlock(int nesting) {
        List<Scope.Target> outer = sc.targets;
        List<String> caught = new ArrayList<>(sc.caught);
        boolean wasInFinally = sc.inFinally;
        sc.targets = new ArrayList<>();
        sc.caught.clear();
        sc.inFinally = true;
        List<Stmt> body = new ArrayList<>();
        body.add(new Stmt.Trace(sc.fresh("f"), new Lit(JType.STRING, "\"fin\"")));
        body.addAll(stmts.nestedBlock(nesting, 3).body());
        sc.inFinally = wasInFinally;
        sc.caught.addAll(caught);
        sc.targets = outer;
        return new Block(body);
    }
}
