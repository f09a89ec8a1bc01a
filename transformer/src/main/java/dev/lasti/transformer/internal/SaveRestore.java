package dev.lasti.transformer.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The instruction groups that move one await's live state into the frame object and back. */
final class SaveRestore {
    private SaveRestore() {}

    /**
     * Saves the stack under the future (already stored away) and the live locals into the frame in
     * {@code frameSlot}, and sets the frame class's {@code resumePoint}.
     * <pre>
     *   stack: s0 .. sn-1   ->   (empty)
     *   ALOAD frame; SWAP; PUTFIELD stack(n-1)          category 1
     *   ALOAD frame; DUP_X2; POP; PUTFIELD stack(n-1)   category 2
     *   ... down to s0, then each local: ALOAD frame; xLOAD slot; PUTFIELD local..
     *   ALOAD frame; LDC k; PUTFIELD resumePoint
     * </pre>
     */
    static InsnList save(FrameLayout layout, FrameLayout.SitePlan plan, int frameSlot) {
        InsnList out = new InsnList();
        for (int i = plan.stack().size() - 1; i >= 0; i--) {
            FrameLayout.Saved value = plan.stack().get(i);
            if (value.field() == null) {
                out.add(new InsnNode(Opcodes.POP)); // a null constant: restored as ACONST_NULL
                continue;
            }
            out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            if (value.type().getSize() == 2) {
                out.add(new InsnNode(Opcodes.DUP_X2));
                out.add(new InsnNode(Opcodes.POP));
            } else {
                out.add(new InsnNode(Opcodes.SWAP));
            }
            // stack: ..., frame, value
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, layout.frameClass(), value.field(), value.descriptor()));
        }
        // stack: (empty)
        for (FrameLayout.Saved local : plan.locals()) {
            if (local.field() != null) {
                out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                out.add(new VarInsnNode(FrameLayout.opcode(local.type(), Opcodes.ILOAD), local.slot()));
                out.add(new FieldInsnNode(Opcodes.PUTFIELD, layout.frameClass(), local.field(), local.descriptor()));
            }
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        out.add(new LdcInsnNode(plan.site().ordinal()));
        out.add(resumePoint(Opcodes.PUTFIELD, layout));
        return out;
    }

    /**
     * {@code GETFIELD} or {@code PUTFIELD} of the resume index: the frame class's own field (see {@link
     * FrameContract}), so the hot path stays a plain field access on a final class.
     */
    static FieldInsnNode resumePoint(int opcode, FrameLayout layout) {
        return new FieldInsnNode(opcode, layout.frameClass(), RuntimeNames.RESUME_POINT, "I");
    }

    /**
     * Restores the live locals (clearing reference fields so the frame keeps no garbage alive) and pushes the
     * saved stack. Leaves {@code s0 .. sn-1} on the stack.
     */
    static InsnList restore(FrameLayout layout, FrameLayout.SitePlan plan, int frameSlot) {
        InsnList out = new InsnList();
        for (FrameLayout.Saved local : plan.locals()) {
            if (local.field() == null) {
                out.add(new InsnNode(Opcodes.ACONST_NULL));
            } else {
                out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                out.add(new FieldInsnNode(Opcodes.GETFIELD, layout.frameClass(), local.field(), local.descriptor()));
            }
            out.add(new VarInsnNode(FrameLayout.opcode(local.type(), Opcodes.ISTORE), local.slot()));
            clearIfReference(out, layout, local, frameSlot);
        }
        // stack: (empty)
        for (FrameLayout.Saved value : plan.stack()) {
            if (value.field() == null) {
                out.add(new InsnNode(Opcodes.ACONST_NULL));
            } else {
                out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                out.add(new FieldInsnNode(Opcodes.GETFIELD, layout.frameClass(), value.field(), value.descriptor()));
                clearIfReference(out, layout, value, frameSlot);
            }
        }
        // stack: s0 .. sn-1
        return out;
    }

    private static void clearIfReference(InsnList out, FrameLayout layout, FrameLayout.Saved value, int frameSlot) {
        if (value.type() instanceof SlotType.Ref) {
            out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            out.add(new InsnNode(Opcodes.ACONST_NULL));
            out.add(new FieldInsnNode(Opcodes.PUTFIELD, layout.frameClass(), value.field(), value.descriptor()));
        }
    }
}
