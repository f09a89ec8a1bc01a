package dev.lasti.transformer.generator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Code shapes the generator can be told to leave out. All are on by default; a shape the transformer
 * cannot handle yet can be switched off by name with {@code -Dlasti.generator.off=FINALLY,NEW_PAIR}, and
 * every switched-off shape is a known gap to report, not a pass.
 */
enum Shape {
    /** for, while and do-while loops with awaits in the body, the bound and the condition. */
    LOOPS,
    /** Labeled loops with {@code break label} / {@code continue label} from nested loops. */
    LABELED_JUMPS,
    /** Enhanced for over arrays (also awaited arrays) and over {@code List.of(..)}. */
    FOREACH,
    /** Switch statements on int and String, in arrow and colon form. */
    SWITCH_STATEMENTS,
    /** Switch statements and expressions on the generated enum {@code Color}. */
    ENUM_SWITCHES,
    /** {@code instanceof String b} patterns whose binding is used across awaits. */
    PATTERNS,
    /** Switch expressions with awaits in the selector and the arms. */
    SWITCH_EXPRESSIONS,
    /** try/catch with awaits in the try and the catch blocks, and rethrow. */
    TRY_CATCH,
    /** finally blocks, with awaits inside, and returns/jumps through them. */
    FINALLY,
    /** {@code await(CompletionStage)}: JDK stages, completed on the loop or on another thread. */
    COMPLETION_STAGES,
    /** Awaits on futures that failed with a {@link GenException}. */
    FAILED_AWAITS,
    /** {@code new Pair(await(x), await(y))}: an uninitialized object on the stack at the awaits. */
    NEW_PAIR,
    /** One generated {@code @Async} method awaiting another, and itself (bounded recursion). */
    NESTED_CALLS,
    /** Static {@code @Async} methods: no receiver, so parameters and locals start at slot 0. */
    STATIC_METHODS,
    /** byte, short, char and float locals and stack values. */
    SMALL_PRIMITIVES,
    /** int/long arrays, element stores and compound element stores with awaits. */
    ARRAYS,
    /** Integer division and remainder that may throw {@link ArithmeticException}. */
    DIVISION,
    /** {@code await(CompletionStage)} on stages that another thread completes under every schedule. */
    STAGES_ELSEWHERE,
    /** Methods in static nested, inner, local and anonymous classes. */
    NESTED_CLASSES,
    /** Async lambdas ({@code Task} implemented by a lambda that awaits). */
    LAMBDAS,
    /** Bound method references to {@code @Async} methods. */
    METHOD_REFS,
    /** Interface default and static {@code @Async} methods. */
    INTERFACE_MEMBERS,
    /** {@code @Async} methods of enums, of an enum constant's body, and of records. */
    ENUM_AND_RECORD_MEMBERS,
    /** A second, package-private top-level class in the package, using the first one's package-private members. */
    OTHER_TOP_CLASSES,
    /** Generic {@code @Async} methods: a type variable bounded by {@code CharSequence} live across awaits. */
    GENERIC_METHODS,
    /** Varargs {@code @Async} methods. */
    VARARGS_METHODS,
    /** Overloaded {@code @Async} methods (same name, other parameters) and {@code $} in method names. */
    OVERLOADS_AND_DOLLARS,
    /** A run cancelled at a chosen await: {@code CancellationException} there, {@code finally} blocks run. */
    CANCELLATION;

    /**
     * The shapes of {@code on} that programs of {@code kind} can have. A generator cannot await (no stages,
     * no failed futures, no cancelled awaits); an async generator cannot delegate ({@code Yield.from} is a build
     * error there), and its methods cannot await each other (one consumes an async generator with hasNext(),
     * not with await), so it has no nested calls; neither can be a lambda (a lambda is never a generator).
     */
    static Set<Shape> fitting(Set<Shape> on, Mode kind) {
        EnumSet<Shape> fit = on.isEmpty() ? EnumSet.noneOf(Shape.class) : EnumSet.copyOf(on);
        switch (kind) {
            case GENERATOR -> fit.removeAll(EnumSet.of(COMPLETION_STAGES, FAILED_AWAITS, STAGES_ELSEWHERE,
                    CANCELLATION, LAMBDAS));
            case ASYNC_GENERATOR -> fit.removeAll(EnumSet.of(NESTED_CALLS, CANCELLATION, LAMBDAS));
            default -> { }
        }
        return fit;
    }

    /** The shapes left on when {@code off} is a comma-separated list of shape names (may be empty). */
    static Set<Shape> allExcept(String off) {
        EnumSet<Shape> on = EnumSet.allOf(Shape.class);
        for (String name : off.split(",")) {
            if (!name.isBlank()) {
                on.remove(Shape.valueOf(name.strip()));
            }
        }
        return on;
    }
}
