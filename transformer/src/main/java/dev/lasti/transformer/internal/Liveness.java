package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local slots are live (may be read before being written) before each instruction: a backward
 * dataflow over the control-flow graph, exception edges included. A slot live at an await is saved into the
 * frame; every other slot is set to TOP in the rewritten stack map frames.
 * <pre>
 *   LDC "dead"; ASTORE 1; ALOAD 1; INVOKEVIRTUAL length; POP    slot 1 dies here
 *   LDC 7L; LSTORE 2
 *   ALOAD 0; INVOKESTATIC Await.await                       live before the await: {2}
 *   ...; LLOAD 2; ...
 * </pre>
 */
final class Liveness {
    private Liveness() {}

    /** @return one bit set per instruction index: the slots live on entry to it */
    static BitSet[] run(MethodNode method) {
        InsnList code = method.instructions;
        int n = code.size();
        List<List<Integer>> successors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            successors.add(successors(code, i));
        }
        List<List<Integer>> handlers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            handlers.add(new ArrayList<>());
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int handler = code.indexOf(block.handler);
            for (int i = code.indexOf(block.start); i < code.indexOf(block.end); i++) {
                handlers.get(i).add(handler);
            }
        }
        BitSet[] liveIn = new BitSet[n];
        for (int i = 0; i < n; i++) {
            liveIn[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                AbstractInsnNode insn = code.get(i);
                BitSet live = new BitSet();
                for (int s : successors.get(i)) {
                    live.or(liveIn[s]);
                }
                int var = definedVar(insn);
                if (var >= 0) {
                    live.clear(var);
                }
                var = usedVar(insn);
                if (var >= 0) {
                    live.set(var);
                }
                for (int h : handlers.get(i)) {
                    live.or(liveIn[h]); // the exception may leave before this instruction's store
                }
                if (!live.equals(liveIn[i])) {
                    liveIn[i] = live;
                    changed = true;
                }
            }
        }
        return liveIn;
    }

    static List<Integer> successors(InsnList code, int i) {
        AbstractInsnNode insn = code.get(i);
        List<Integer> out = new ArrayList<>();
        if (insn instanceof JumpInsnNode jump) {
            out.add(code.indexOf(jump.label));
        } else if (insn instanceof TableSwitchInsnNode sw) {
            out.add(code.indexOf(sw.dflt));
            sw.labels.forEach(l -> out.add(code.indexOf(l)));
        } else if (insn instanceof LookupSwitchInsnNode sw) {
            out.add(code.indexOf(sw.dflt));
            sw.labels.forEach(l -> out.add(code.indexOf(l)));
        }
        if (!TypeAnalysis.endsBlock(insn.getOpcode()) && i + 1 < code.size()) {
            out.add(i + 1);
        }
        return out;
    }

    private static int usedVar(AbstractInsnNode insn) {
        if (insn instanceof IincInsnNode inc) {
            return inc.var;
        }
        if (insn instanceof VarInsnNode v && (v.getOpcode() <= Opcodes.ALOAD || v.getOpcode() == Opcodes.RET)) {
            return v.var;
        }
        return -1;
    }

    private static int definedVar(AbstractInsnNode insn) {
        if (insn instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
            return v.var;
        }
        return -1;
    }
}
