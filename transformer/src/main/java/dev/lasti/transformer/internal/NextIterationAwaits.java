package dev.lasti.transformer.internal;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * {@code await(EventLoop.yieldNow())} in an {@code @Async} method suspends on a shared mark instead of a
 * fresh future: the task queues itself on its loop, so a yield allocates nothing and needs no callback of
 * its own (see the runtime's {@code NextIterationMark}).
 * <pre>
 * before:  INVOKESTATIC EventLoop.yieldNow()Future;      INVOKESTATIC Await.await(Future)Object
 * after:   INVOKESTATIC Frame.nextIteration()Future;     INVOKESTATIC Await.await(Future)Object
 * and in the resume method, whose frame already knows its loop (no {@code ThreadLocal} lookup):
 *          ALOAD F; INVOKEVIRTUAL Frame.yieldMark()Future; INVOKESTATIC Await.await(Future)Object
 * </pre>
 * Only where the call's result goes straight into the await (nothing but labels, line numbers and frames
 * between them), so the mark can reach nothing but the await: stored in a local or passed anywhere else,
 * {@code yieldNow()} stays a real future. The calls have the same result type and no arguments (the resume
 * method's pushes the frame and consumes it at once; ASM computes the max stack), so the frames and the
 * exception ranges are unchanged, and the mark's getters throw what {@code yieldNow} throws at the same
 * instruction, inside the same {@code try} ranges. The line table still shows the user's line; a debugger's
 * "step into" there stops in {@code Frame}, which design.md's ABI list names. Runs for plain {@code @Async}
 * methods only: async generators keep {@code yieldNow()}.
 */
final class NextIterationAwaits {
    private NextIterationAwaits() {}

    /** Rewrites the {@code yieldNow()} directly under each await of {@code sites}. */
    static void apply(List<AwaitSite> sites) {
        for (AwaitSite site : sites) {
            if (!site.isYield() && !site.onStage()
                    && previousInstruction(site.call()) instanceof MethodInsnNode call
                    && RuntimeNames.YIELD_NOW.matches(call)) {
                call.owner = RuntimeNames.NEXT_ITERATION.owner();
                call.name = RuntimeNames.NEXT_ITERATION.name();
            }
        }
    }

    /** In a resume method: the frame's own {@code yieldMark()} for each {@code nextIteration()}; F is its slot. */
    static void inResumeMethod(InsnList code, int frameSlot) {
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && RuntimeNames.NEXT_ITERATION.matches(call)) {
                MethodInsnNode mark = RuntimeNames.YIELD_MARK.insn();
                code.insertBefore(call, new VarInsnNode(Opcodes.ALOAD, frameSlot));
                code.set(call, mark);
                insn = mark;
            }
        }
    }

    /** The instruction before {@code insn}, skipping labels, line numbers and frames (opcode -1). */
    private static AbstractInsnNode previousInstruction(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }
}
