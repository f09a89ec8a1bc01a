package dev.lasti.transformer.internal;

/**
 * The three kinds of resumable methods, which differ only in the runtime calls around the shared passes:
 * {@code @Async} methods suspend at awaits into a {@code Frame} (a task), {@code @Generates} methods at yields
 * into a {@code GeneratorFrame} (a generator), and {@code @Async @Generates} methods at both into an {@code
 * AsyncGeneratorFrame}. Everything else (typing, liveness, layout, restore) is shared.
 */
enum FrameKind {
    ASYNC(RuntimeNames.FRAME_INIT, RuntimeNames.START),
    GENERATOR(RuntimeNames.GENERATOR_FRAME_INIT, RuntimeNames.CREATED),
    ASYNC_GENERATOR(RuntimeNames.AG_FRAME_INIT, RuntimeNames.AG_CREATED);

    private final RuntimeNames.MethodRef superInit;
    private final RuntimeNames.MethodRef start;

    FrameKind(RuntimeNames.MethodRef superInit, RuntimeNames.MethodRef start) {
        this.superInit = superInit;
        this.start = start;
    }

    /** The frame class's superclass constructor. */
    RuntimeNames.MethodRef superInit() {
        return superInit;
    }

    /** What the original method's suspend block returns through: {@code Frame.start} or {@code created}. */
    RuntimeNames.MethodRef start() {
        return start;
    }

    /** Whether the call runs none of the body: the entry is site 1 (see {@link GeneratorEntry}). */
    boolean startsSuspended() {
        return this != ASYNC;
    }

    /**
     * What the resume prologue pushes before jumping back to {@code site}: the awaited future ({@code
     * awaited}) at an await, the consumer's input ({@code received}) at a yield.
     */
    RuntimeNames.MethodRef received(AwaitSite site) {
        return switch (this) {
            case ASYNC -> RuntimeNames.AWAITED;
            case GENERATOR -> RuntimeNames.RECEIVED;
            case ASYNC_GENERATOR -> site.isYield() ? RuntimeNames.AG_RECEIVED : RuntimeNames.AG_AWAITED;
        };
    }

    /** What a resume method's suspend block for {@code site} returns through. */
    RuntimeNames.MethodRef suspend(AwaitSite site) {
        if (this == ASYNC_GENERATOR) {
            return site.isYield() ? RuntimeNames.AG_YIELDED : RuntimeNames.AG_SUSPEND;
        }
        if (site.isDelegation()) {
            return RuntimeNames.DELEGATE;
        }
        return site.isYield() ? RuntimeNames.YIELDED : RuntimeNames.SUSPEND;
    }
}
