package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
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
 *                                              INVOKEVIRTUAL Future.join()Object
 *                                              CHECKCAST String
 * </pre>
 * {@code await(CompletionStage)} first checks whether the stage is already done ({@link #stageFastPath}); only
 * a pending stage goes through {@code Frames.adapt}, and {@code L_await_k} follows that call.
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
            LabelNode joined = site.onStage() ? new LabelNode() : null;
            if (site.onStage()) {
                stageFastPath(check, plan, joined, code);
            }
            // stack: ..., Future
            check.add(awaitLabel);
            check.add(FrameNodes.frame(plan.frameLocals(), plan.frameStack(), code));
            check.add(new InsnNode(Opcodes.DUP));
            check.add(RuntimeNames.IS_DONE.insn());
            check.add(new JumpInsnNode(Opcodes.IFEQ, suspendLabels.get(site.ordinal())));
            // stack: ..., Future (done)
            check.add(RuntimeNames.JOIN.insn());
            if (joined != null) {
                check.add(joined);
                if (!frameRightAfter(site.call())) { // else javac's frame, at this same offset, serves
                    check.add(FrameNodes.frame(plan.frameLocals(), withTop(plan, RuntimeNames.OBJECT), code));
                }
            }
            // stack: ..., Object (javac's CHECKCAST follows)
            code.insertBefore(site.call(), check);
            code.remove(site.call());
        }
    }

    /**
     * {@code await(CompletionStage)} on a stage that is already done takes its outcome straight from the
     * stage, allocating nothing; only a stage still pending is adapted to a {@code Future}.
     * <pre>
     *   DUP                                          (stack: ..., CompletionStage)
     *   INVOKESTATIC Frames.isDone(CompletionStage)Z
     *   IFEQ L_adapt_k
     *   INVOKESTATIC Frames.resultNow(CompletionStage)Object
     *   GOTO L_joined_k
     *   L_adapt_k: [frame: live locals; ..., CompletionStage]
     *   INVOKESTATIC Frames.adapt(CompletionStage)Future
     *   (then the done-check of a Future, ending in L_joined_k: [frame: live locals; ..., Object])
     * </pre>
     */
    private static void stageFastPath(InsnList check, FrameLayout.SitePlan plan, LabelNode joined, InsnList code) {
        LabelNode adapt = new LabelNode();
        check.add(new InsnNode(Opcodes.DUP));
        check.add(RuntimeNames.STAGE_IS_DONE.insn());
        check.add(new JumpInsnNode(Opcodes.IFEQ, adapt));
        check.add(RuntimeNames.STAGE_RESULT_NOW.insn());
        check.add(new JumpInsnNode(Opcodes.GOTO, joined));
        check.add(adapt);
        check.add(FrameNodes.frame(plan.frameLocals(), withTop(plan, RuntimeNames.COMPLETION_STAGE), code));
        check.add(RuntimeNames.ADAPT.insn());
    }

    /** The stack declared at the await with its top (the future) replaced by {@code top}. */
    private static List<SlotType> withTop(FrameLayout.SitePlan plan, Type top) {
        List<SlotType> stack = new ArrayList<>(plan.frameStack());
        stack.set(stack.size() - 1, new SlotType.Ref(top));
        return stack;
    }

    /** Whether javac put a stack map frame right after {@code insn} (a jump target: branches join there). */
    private static boolean frameRightAfter(AbstractInsnNode insn) {
        for (AbstractInsnNode n = insn.getNext(); n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n instanceof FrameNode) {
                return true;
            }
        }
        return false;
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
