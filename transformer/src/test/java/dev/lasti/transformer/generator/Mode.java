package dev.lasti.transformer.generator;

/**
 * Which of a method's renderings is being written: one of the three the transformer rewrites, or the plain
 * twin. A program has one transformed mode, its kind ({@link ProgramGenerator.Program#kind()}), and every
 * method is written in that mode and in {@link #PLAIN}.
 */
enum Mode {
    /** The {@code @Async} method: awaits on schedule-controlled futures and on other async methods. */
    ASYNC("@Async", "Future.completed"),
    /** The plain twin: every awaited value inlined, every nested async call replaced by its twin. */
    PLAIN(null, null),
    /**
     * The {@code @Generates} method: its suspension points are {@code Yield.yield(x)} and {@code Yield.from}
     * of another generated generator; the twin's yield records {@code x} and answers from the consumer's
     * script ({@link YieldScript}).
     */
    GENERATOR("@Generates", "Yield.done"),
    /**
     * The {@code @Async @Generates} method: awaits and yields (no {@code Yield.from}, which async generators
     * do not support); its yields evaluate to {@code null}, since an async generator is consumed, not sent to.
     */
    ASYNC_GENERATOR("@Async @Generates", "AsyncGenerator.done");

    /** The annotations of the transformed rendering, or {@code null} for the twin. */
    final String annotation;
    /** What a transformed {@code return v;} calls: {@code return Future.completed(v);}. */
    final String done;

    Mode(String annotation, String done) {
        this.annotation = annotation;
        this.done = done;
    }

    /** Whether this is a rendering the transformer rewrites (not the twin). */
    boolean transformed() {
        return this != PLAIN;
    }

    /** Whether the transformed rendering may await (so schedules, stages and failed futures apply). */
    boolean awaits() {
        return this == ASYNC || this == ASYNC_GENERATOR;
    }

    /** Whether this rendering yields: the method is a generator of either kind. */
    boolean yields() {
        return this == GENERATOR || this == ASYNC_GENERATOR;
    }

    /** The declared return type of a method whose plain value type is {@code value}. */
    String returnType(JType value) {
        return switch (this) {
            case ASYNC -> "Future<" + value.boxed + ">";
            case PLAIN -> value.source;
            case GENERATOR -> "Generator<Object>";
            case ASYNC_GENERATOR -> "AsyncGenerator<Object>";
        };
    }

    /** The return type of the {@code Task} interface that anonymous classes and method references implement. */
    String taskReturnType() {
        return this == ASYNC ? "Future<R>" : returnType(JType.INT);
    }
}
