package dev.lasti.transformer.internal;

/**
 * The two kinds of resumable methods, which differ only in the runtime calls around the shared passes:
 * {@code @Async} methods suspend at awaits into a {@code Frame} (a task), {@code @Generates} methods at yields
 * into a {@code GeneratorFrame} (a generator). Everything else (typing, liveness, layout, restore) is shared.
 */
enum FrameKind {
    ASYNC(RuntimeNames.FRAME_INIT, RuntimeNames.START, RuntimeNames.AWAITED),
    GENERATOR(RuntimeNames.GENERATOR_FRAME_INIT, RuntimeNames.CREATED, RuntimeNames.RECEIVED);

    private final RuntimeNames.MethodRef superInit;
    private final RuntimeNames.MethodRef start;
    private final RuntimeNames.MethodRef received;

    FrameKind(RuntimeNames.MethodRef superInit, RuntimeNames.MethodRef start, RuntimeNames.MethodRef received) {
        this.superInit = superInit;
        this.start = start;
        this.received = received;
    }

    /** The frame class's superclass constructor. */
    RuntimeNames.MethodRef superInit() {
        return superInit;
    }

    /** What the original method's suspend block returns through: {@code Frame.start} or {@code created}. */
    RuntimeNames.MethodRef start() {
        return start;
    }

    /** What the resume prologue pushes before jumping back to the site: {@code awaited} or {@code received}. */
    RuntimeNames.MethodRef received() {
        return received;
    }

    /** What a resume method's suspend block for {@code site} returns through. */
    static RuntimeNames.MethodRef suspend(AwaitSite site) {
        if (site.isDelegation()) {
            return RuntimeNames.DELEGATE;
        }
        return site.isYield() ? RuntimeNames.YIELDED : RuntimeNames.SUSPEND;
    }
}
