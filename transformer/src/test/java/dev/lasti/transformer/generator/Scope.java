package dev.lasti.transformer.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the generator knows while it writes one method: the variables in scope, the loops a jump may
 * target, and whether it is inside a try, a catch or a finally. Names are unique per method so nothing
 * shadows anything and the twin renders the same names.
 */
final class Scope {
    /** A variable in scope; loop counters and foreach variables are read-only so loops stay bounded. */
    record Local(JType type, String name, boolean assignable) {}

    /** An enclosing loop (or switch, for unlabeled break) that a jump may target. */
    record Target(String label, boolean loop) {}

    final Random rnd;
    final Set<Shape> shapes;
    /** The async methods this one may call: earlier ones and itself. */
    final List<ProgramGenerator.Signature> callees;
    final JType returns;
    private final List<List<Local>> frames = new ArrayList<>();
    /** Innermost last; cleared while generating a finally block, whose jumps would swallow exceptions. */
    List<Target> targets = new ArrayList<>();
    /** Caught exception variables that may be rethrown here. */
    final List<String> caught = new ArrayList<>();
    int tryDepth;
    /**
     * Nesting inside string concatenation operands. javac 17 crashes (AssertionError in
     * {@code Items$LocalItem}) on a switch expression on a String inside a concatenation, so those are
     * left out there.
     */
    int concatDepth;
    int loopDepth;
    boolean inFinally;
    /** Statements still allowed in this method, so methods stay moderate in size. */
    int budget;
    /** Nested async call sites still allowed; they sit outside loops to keep run time bounded. */
    int callBudget = 3;
    /** Set once the body awaits another generated method. */
    boolean callsAsync;
    /** The program's class name, which qualifies calls through entries. */
    final String className;
    /** The method being written, which decides how it calls others. */
    final ProgramGenerator.Signature self;
    /** The program's transformed mode: whether suspension points are awaits, yields or both. */
    final Mode kind;
    private int names;

    Scope(Random rnd, Set<Shape> shapes, List<ProgramGenerator.Signature> callees, JType returns, int budget,
          String className, ProgramGenerator.Signature self, Mode kind) {
        this.kind = kind;
        this.className = className;
        this.self = self;
        this.rnd = rnd;
        this.shapes = shapes;
        this.callees = callees;
        this.returns = returns;
        this.budget = budget;
        frames.add(new ArrayList<>());
    }

    boolean on(Shape shape) {
        return shapes.contains(shape);
    }

    /** True with probability {@code percent}/100. */
    boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    String fresh(String prefix) {
        return prefix + names++;
    }

    void push() {
        frames.add(new ArrayList<>());
    }

    void pop() {
        frames.remove(frames.size() - 1);
    }

    Local declare(JType type, String name, boolean assignable) {
        Local l = new Local(type, name, assignable);
        frames.get(frames.size() - 1).add(l);
        return l;
    }

    /** A random variable of {@code type} in scope, or {@code null}. */
    Local pick(JType type, boolean mustBeAssignable) {
        List<Local> fits = new ArrayList<>();
        for (List<Local> f : frames) {
            for (Local l : f) {
                if (l.type() == type && (l.assignable() || !mustBeAssignable)) {
                    fits.add(l);
                }
            }
        }
        return fits.isEmpty() ? null : fits.get(rnd.nextInt(fits.size()));
    }

    /** A random assignable scalar variable, or {@code null}. */
    Local pickAssignable() {
        List<Local> fits = new ArrayList<>();
        for (List<Local> f : frames) {
            for (Local l : f) {
                if (l.assignable() && !l.type().array()) {
                    fits.add(l);
                }
            }
        }
        return fits.isEmpty() ? null : fits.get(rnd.nextInt(fits.size()));
    }
}
