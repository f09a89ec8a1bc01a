package dev.lasti.transformer.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites the shared body: relaxes javac's frames to the live locals, and turns each await call into a
 * done-check whose slow path jumps to the suspend block (emitted later, after the body).
 * <pre>
 * before:                                   after:
 *   ALOAD 1            (stack: Future)         ALOAD 1
 *   INVOKESTATIC Await.await(Future)Object   L_await_k:   [frame: live locals; ..., Future]
 *   CHECKCAST String                           DUP
 *                                              INVOKEVIRTUAL Future.isDone()Z
 *                                              IFEQ L_suspend_k
 *                                              INVOKEVIRTUAL Future.resultNow()Object
 *                                              CHECKCAST String
 * </pre>
 * {@code await(CompletionStage)} first calls {@code Frames.adapt}; {@code L_await_k} follows it.
 */
final class AwaitRewriter {
    private AwaitRewriter() {}

    /**
     * Sets every dead local to TOP in javac's frames. Always valid, since a dead local is written before it
     * is read; needed because a resumed frame carries only the live locals.
     */
    static void relaxFrames(MethodNode method, BitSet[] liveIn) {
        InsnList code = method.instructions;
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i) instanceof FrameNode frame) {
                List<SlotType> slots = FrameNodes.slots(frame.local);
                for (int slot = 0; slot < slots.size(); slot++) {
                    if (!liveIn[i].get(slot) && !(slots.get(slot) instanceof SlotType.Top)) {
                        boolean wide = slots.get(slot).getSize() == 2;
                        slots.set(slot, SlotType.TOP);
                        if (wide) {
                            slots.set(slot + 1, SlotType.TOP);
                        }
                    }
                }
                FrameNode relaxed = FrameNodes.frame(slots, List.of(), code);
                frame.local = relaxed.local;
            }
        }
    }

    /** Replaces each await call by its done-check; returns the label of each site's done-check. */
    static void expand(MethodNode method, List<FrameLayout.SitePlan> plans, Map<Integer, LabelNode> awaitLabels,
                       Map<Integer, LabelNode> suspendLabels) {
        InsnList code = method.instructions;
        for (FrameLayout.SitePlan plan : plans) {
            AwaitSite site = plan.site();
            if (site.isYield()) {
                expandYield(code, plan, awaitLabels, suspendLabels);
                continue;
            }
            if (!site.onStage()) {
                removeFrameRightBefore(code, site.call()); // ours replaces it: two frames at one offset are illegal
            }
            LabelNode awaitLabel = new LabelNode();
            awaitLabels.put(site.ordinal(), awaitLabel);
            InsnList check = new InsnList();
            if (site.onStage()) {
                check.add(RuntimeNames.ADAPT.insn());
            }
            // stack: ..., Future
            check.add(awaitLabel);
            check.add(FrameNodes.frame(plan.frameLocals(), plan.frameStack(), code));
            check.add(new InsnNode(Opcodes.DUP));
            check.add(RuntimeNames.IS_DONE.insn());
            check.add(new JumpInsnNode(Opcodes.IFEQ, suspendLabels.get(site.ordinal())));
            // stack: ..., Future (done)
            check.add(RuntimeNames.RESULT_NOW.insn());
            // stack: ..., Object (javac's CHECKCAST follows)
            code.insertBefore(site.call(), check);
            code.remove(site.call());
        }
    }

    /**
     * A yield always suspends, so it has no fast path: the call becomes a jump to the suspend block, and
     * the resume method comes back right after it with what the consumer delivered on the stack.
     * <pre>
     *   ...x                                   (stack: ..., Object)
     *   GOTO L_suspend_k
     *   L_resumed_k: [frame: live locals; ..., Object]
     *   INVOKESTATIC GeneratorFrame.resumed(Object)Object   (the sent value, or throws the thrown-in one)
     *   CHECKCAST S (javac's) or POP
     * </pre>
     */
    private static void expandYield(InsnList code, FrameLayout.SitePlan plan, Map<Integer, LabelNode> awaitLabels,
                                    Map<Integer, LabelNode> suspendLabels) {
        AwaitSite site = plan.site();
        LabelNode resumed = new LabelNode();
        awaitLabels.put(site.ordinal(), resumed);
        InsnList out = new InsnList();
        out.add(new JumpInsnNode(Opcodes.GOTO, suspendLabels.get(site.ordinal())));
        out.add(resumed);
        out.add(FrameNodes.frame(plan.frameLocals(), plan.frameStack(), code));
        out.add(RuntimeNames.RESUMED.insn());
        code.insertBefore(site.call(), out);
        code.remove(site.call());
    }

    private static void removeFrameRightBefore(InsnList code, AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
            if (p instanceof FrameNode frame) {
                code.remove(frame);
                return;
            }
        }
    }
}
