package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One suspension point: a call of {@code Await.await}, or of {@code Yield.yield} / {@code Yield.from} in a
 * generator method (whose entry is a synthetic {@code Yield.yield(null)}, see {@link GeneratorEntry}).
 *
 * @param ordinal 1-based, in code order: the {@code resumePoint} value while suspended here
 * @param call the {@code INVOKESTATIC Await.await} instruction
 * @param onStage true for {@code await(CompletionStage)}, which first adapts the stage to a Future
 * @param line the source line of the call, or -1 without line numbers
 */
public record AwaitSite(int ordinal, MethodInsnNode call, boolean onStage, int line) {
    /** A generator's suspension ({@code Yield.yield} or {@code Yield.from}), not an await. */
    public boolean isYield() {
        return isYieldCall(call);
    }

    /** {@code Yield.from(inner)}: the frame delegates instead of yielding a value. */
    public boolean isDelegation() {
        return RuntimeNames.YIELD_FROM.matches(call);
    }

    static boolean isYieldCall(MethodInsnNode call) {
        return RuntimeNames.YIELD.matches(call) || RuntimeNames.YIELD_FROM.matches(call);
    }

    /** Finds the await calls of a method, in code order. */
    static List<AwaitSite> find(MethodNode method) {
        List<AwaitSite> sites = new ArrayList<>();
        int line = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode call) {
                boolean onFuture = RuntimeNames.AWAIT_FUTURE.matches(call);
                if (onFuture || RuntimeNames.AWAIT_STAGE.matches(call) || isYieldCall(call)) {
                    sites.add(new AwaitSite(sites.size() + 1, call, !onFuture, line));
                }
            }
        }
        return sites;
    }
}
