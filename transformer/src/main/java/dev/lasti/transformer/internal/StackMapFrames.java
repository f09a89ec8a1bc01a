package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Whether a method carries the stack map frames {@link TypeAnalysis} resets from. javac always writes them,
 * but a version 50 class file may leave them out (the JVM then falls back to inferring types), and without
 * them the straight-line walker would carry the wrong state into a branch target.
 */
final class StackMapFrames {
    private StackMapFrames() {}

    /**
     * Returns {@code true} if every jump target, switch target and handler has a frame, and so has every
     * instruction after a GOTO, switch, return or throw (the verifier requires that too: code reached by no
     * fall-through is otherwise dead code the walker has no state for).
     */
    static boolean atEveryTarget(MethodNode method) {
        for (LabelNode target : targets(method)) {
            if (!hasFrame(target)) {
                return false;
            }
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() >= 0 && insn.getOpcode() != Opcodes.RET && TypeAnalysis.endsBlock(insn.getOpcode())
                    && insn.getNext() != null && !hasFrame(insn.getNext()) && hasRealAfter(insn)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasRealAfter(AbstractInsnNode insn) {
        for (AbstractInsnNode next = insn.getNext(); next != null; next = next.getNext()) {
            if (next.getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<LabelNode> targets(MethodNode method) {
        List<LabelNode> targets = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode jump && insn.getOpcode() != Opcodes.JSR) { // JSR: its own error
                targets.add(jump.label);
            } else if (insn instanceof TableSwitchInsnNode table) {
                targets.add(table.dflt);
                targets.addAll(table.labels);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                targets.add(lookup.dflt);
                targets.addAll(lookup.labels);
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            targets.add(block.handler);
        }
        return targets;
    }

    /** ASM puts an offset's frame after its labels and line numbers, before its instruction. */
    private static boolean hasFrame(AbstractInsnNode start) {
        for (AbstractInsnNode insn = start; insn != null; insn = insn.getNext()) {
            if (insn instanceof FrameNode) {
                return true;
            }
            if (insn.getOpcode() >= 0) {
                return false;
            }
        }
        return false;
    }
}
