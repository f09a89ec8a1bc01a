package dev.lasti.transformer.internal;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finishes the original method around the rewritten body: a catch-all that turns an exception escaping the
 * body into a failed future, then one suspend block per await, outside every handler range.
 * <pre>
 *   L_body: ...body...                       (all of it covered by the catch-all)
 *   L_end:
 *   L_catch: [frame: no locals; Throwable]
 *     INVOKESTATIC Future.failed(Throwable)  (CompletableFuture.failedFuture for CompletionStage)
 *     ARETURN
 *   L_suspend_k: [frame: live locals; s0..sn-1, Future]
 *     ASTORE fut
 *     NEW Owner$m$Frame; DUP; INVOKESPECIAL &lt;init&gt;; ASTORE frame
 *     ...save stack and locals, resumePoint = k...
 *     ALOAD frame; ALOAD fut; INVOKEVIRTUAL Frame.start(Future)Future
 *     ARETURN
 * </pre>
 */
final class OriginalMethod {
    private OriginalMethod() {}

    /** Adds the catch-all (always) and the suspend blocks (if {@code layout} is not null). */
    static void finish(MethodNode method, FrameLayout layout, Map<Integer, LabelNode> suspendLabels) {
        InsnList code = method.instructions;
        boolean stage = !Type.getReturnType(method.desc).equals(RuntimeNames.FUTURE);
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        code.insert(start);
        code.add(end);
        code.add(handler);
        code.add(FrameNodes.frame(List.of(), List.of(new SlotType.Ref(RuntimeNames.THROWABLE)), code));
        // stack: Throwable
        code.add(stage ? RuntimeNames.FAILED_STAGE.insn() : RuntimeNames.FAILED.insn());
        code.add(new InsnNode(Opcodes.ARETURN));
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        if (layout == null) {
            return;
        }
        int futureSlot = layout.frameSlot();
        int frameSlot = layout.frameSlot() + 1;
        for (FrameLayout.SitePlan plan : layout.sites()) {
            code.add(suspendLabels.get(plan.site().ordinal()));
            code.add(DebugLines.suspendBlock(plan.site(), suspendLabels.get(plan.site().ordinal())));
            code.add(FrameNodes.frame(plan.frameLocals(), plan.frameStack(), code));
            code.add(new VarInsnNode(Opcodes.ASTORE, futureSlot));
            // stack: s0 .. sn-1
            code.add(new TypeInsnNode(Opcodes.NEW, layout.frameClass()));
            code.add(new InsnNode(Opcodes.DUP));
            code.add(new org.objectweb.asm.tree.MethodInsnNode(Opcodes.INVOKESPECIAL, layout.frameClass(), "<init>",
                    "()V", false));
            code.add(new VarInsnNode(Opcodes.ASTORE, frameSlot));
            code.add(SaveRestore.save(layout, plan, frameSlot));
            // stack: (empty)
            code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            code.add(new VarInsnNode(Opcodes.ALOAD, futureSlot));
            code.add(RuntimeNames.START.insn());
            if (stage) {
                code.add(RuntimeNames.TO_COMPLETABLE.insn());
            }
            // stack: the task's future
            code.add(new InsnNode(Opcodes.ARETURN));
        }
    }
}
