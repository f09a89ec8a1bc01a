package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

/**
 * Conversions between ASM's expanded {@link FrameNode} lists (one entry per value, long/double counted once)
 * and per-slot lists of {@link SlotType} (long/double followed by a TOP for their second slot).
 */
final class FrameNodes {
    private FrameNodes() {}

    /** Per-slot types of an expanded frame's locals. */
    static List<SlotType> slots(List<Object> frameLocals) {
        List<SlotType> slots = new ArrayList<>();
        for (Object entry : frameLocals) {
            SlotType type = SlotType.fromFrameEntry(entry, label -> newAfter((LabelNode) label));
            slots.add(type);
            if (type.getSize() == 2) {
                slots.add(SlotType.TOP);
            }
        }
        return slots;
    }

    /** A new expanded frame node: per-slot locals (trailing TOPs dropped) and the stack, bottom first. */
    static FrameNode frame(List<SlotType> localSlots, List<SlotType> stack, InsnList code) {
        int end = localSlots.size();
        while (end > 0 && localSlots.get(end - 1) instanceof SlotType.Top) {
            end--;
        }
        List<Object> locals = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            SlotType type = localSlots.get(i);
            locals.add(SlotType.toFrameEntry(type, n -> labelBefore(n, code)));
            if (type.getSize() == 2) {
                i++;
            }
        }
        List<Object> stackEntries = new ArrayList<>();
        for (SlotType type : stack) {
            stackEntries.add(SlotType.toFrameEntry(type, n -> labelBefore(n, code)));
        }
        return new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), stackEntries.size(),
                stackEntries.toArray());
    }

    /** The NEW instruction an uninitialized-value label points at. */
    static AbstractInsnNode newAfter(LabelNode label) {
        AbstractInsnNode insn = label;
        while (insn != null && insn.getOpcode() < 0) {
            insn = insn.getNext();
        }
        if (insn == null || insn.getOpcode() != Opcodes.NEW) {
            throw new IllegalStateException("uninitialized frame entry does not point at a NEW");
        }
        return insn;
    }

    /** The label right before {@code newInsn}, added if there is none, as frames name uninitialized values. */
    static LabelNode labelBefore(AbstractInsnNode newInsn, InsnList code) {
        for (AbstractInsnNode p = newInsn.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
            if (p instanceof LabelNode label) {
                return label;
            }
        }
        LabelNode label = new LabelNode();
        code.insertBefore(newInsn, label);
        return label;
    }

    /** Copies of the locals in per-slot form, padded with TOP up to {@code size}. */
    static List<SlotType> padded(List<SlotType> slots, int size) {
        List<SlotType> out = new ArrayList<>(slots);
        while (out.size() < size) {
            out.add(SlotType.TOP);
        }
        return out;
    }
}
