package dev.lasti.bench.corpus;

/**
 * Renders one generated method body in one of two modes: the {@code @Async} original, where values pass
 * through {@code await}, or its plain twin, where the same values are used directly. The generator calls the
 * same sequence of methods with the same random choices in both modes, so the twin computes what the
 * transformed method must return; the checker compares the two.
 */
final class Emit {
    /** True for the {@code @Async} rendering. */
    final boolean async;

    Emit(boolean async) {
        this.async = async;
    }

    /** An awaited value: {@code await(S.v(expr))} (which suspends on every other call), or {@code (expr)}. */
    String aw(String expr) {
        return async ? "await(S.v(" + expr + "))" : "(" + expr + ")";
    }

    /** An await of a failed future of {@code type}, or a plain throw of the same exception. */
    String awFail(String type, String message) {
        return async ? "await(S.<" + type + ">fail(\"" + message + "\"))" : "S.<" + type + ">raise(\"" + message + "\")";
    }

    /** A call of another generated method of the same class, awaited in the async rendering. */
    String call(String receiver, String method, String args) {
        return async ? "await(" + receiver + method + "(" + args + "))" : receiver + method + "P(" + args + ")";
    }

    /** The method's return statement. */
    String ret(String expr) {
        return async ? "return Future.completed(" + expr + ");" : "return " + expr + ";";
    }

    /** The method's header, without the opening brace. */
    String header(String modifiers, String name, String params) {
        return async
                ? "@Async\n    " + modifiers + "Future<Long> " + name + "(" + params + ")"
                : modifiers + "long " + name + "P(" + params + ")";
    }

    /** A lambda from int to a long, holding an await in the async rendering (the lambda is rewritten too). */
    String lambda(String var, String body, String awaited) {
        return async
                ? "java.util.function.IntFunction<Future<Long>> " + var + " = n -> Future.completed(" + body
                        + " + await(S.v((long) (" + awaited + "))));"
                : "java.util.function.IntToLongFunction " + var + " = n -> " + body + " + (long) (" + awaited + ");";
    }

    /** Applies a lambda made by {@link #lambda}. */
    String apply(String var, String arg) {
        return async ? "await(" + var + ".apply(" + arg + "))" : var + ".applyAsLong(" + arg + ")";
    }

    /** Sum of {@code method(i, i)} for i in 0..n-1, run concurrently with {@code Future.all} when async. */
    String gather(String receiver, String method, int n) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < n; i++) {
            calls.append(i == 0 ? "" : ", ").append(receiver).append(method).append(async ? "" : "P")
                    .append('(').append(i + 1).append(", ").append(i * 7).append("L)");
        }
        return async
                ? "S.sum(await(Future.all(java.util.List.of(" + calls + "))))"
                : "S.sum(java.util.List.of(" + calls + "))";
    }
}
