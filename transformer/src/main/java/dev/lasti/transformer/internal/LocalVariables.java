package dev.lasti.transformer.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The resume method's {@code LocalVariableTable}: each user local is described only where its slot holds the
 * user's value, so a debugger never reads the frame object or a stale slot under a user's name. A resume
 * method enters with nothing but the frame in slot 0; a restore block writes only the locals live at its
 * await. So a local is visible at an instruction only if, on every path from the method's entry, its slot was
 * written (by a restore or by the user's code) before it: a forward "definitely assigned" analysis, exception
 * edges included. Each copied range is split into the runs where that holds.
 * <pre>
 * fetch$resume of docs/bytecode-walkthrough.md; javac's table, on the copied labels:
 *     this     slot 0 [74, 115)    slot 0 holds the frame: jdb's locals fails
 *     id       slot 1 [74, 115)    never written: garbage
 *     attempts slot 2 [76, 115)
 *     line     slot 3 [101, 115)
 * after (0: ALOAD 0; 1: ASTORE 4; 28: case 1 restores attempts; 50: GOTO 82, the done-check):
 *     $frame   slot 0 [0, 3)      $frame slot 4 [3, 144)
 *     attempts slot 2 [82, 115)   74..82 never runs: no entry there
 *     line     slot 3 [101, 115)  this and id: dead at the await, not restored, not shown
 * </pre>
 * Dead locals are not restored, so they disappear after a resume instead of showing garbage; a dead local
 * that the user's code writes again reappears from that write on. The original method needs none of this:
 * it runs the source's own code, every slot holding what javac says, until it returns at its first real
 * suspension.
 */
final class LocalVariables {
    /** The frame's name in the table; the {@code $} marks it as generated, not the user's. */
    static final String FRAME_NAME = "$frame";
    /** The receiver's name in a resume method, which is static: debuggers skip a local named {@code this}. */
    static final String RECEIVER_NAME = "$this";

    private LocalVariables() {}

    /**
     * Replaces {@code resume}'s table (javac's ranges on the copied labels) by the split one, and names the
     * frame in slot 0 (before the prologue moves it) and in {@code frameSlot} (from then on).
     */
    static void split(MethodNode resume, FrameLayout layout) {
        coverSuspendBlocks(resume);
        InsnList code = resume.instructions;
        AbstractInsnNode[] insns = code.toArray();
        BitSet[] assigned = definitelyAssigned(resume);
        // first every range by index, then the labels: inserting a label shifts the indices
        List<Run> runs = new ArrayList<>();
        if (resume.localVariables != null) {
            for (LocalVariableNode local : resume.localVariables) {
                runs(local, code.indexOf(local.start), code.indexOf(local.end), insns, assigned, runs);
            }
        }
        List<LocalVariableNode> out = new ArrayList<>();
        String frameDesc = Type.getObjectType(layout.frameClass()).getDescriptor();
        LabelNode begin = labelBefore(code, code.getFirst());
        LabelNode afterMove = labelBefore(code, frameStore(code, layout.frameSlot()).getNext());
        LabelNode end = new LabelNode();
        code.add(end);
        out.add(new LocalVariableNode(FRAME_NAME, frameDesc, null, begin, afterMove, 0));
        out.add(new LocalVariableNode(FRAME_NAME, frameDesc, null, afterMove, end, layout.frameSlot()));
        for (Run run : runs) {
            LocalVariableNode local = run.local();
            // JDI hides "this" in a static method: under its own name the receiver stays visible
            String name = local.index == 0 && local.name.equals("this") ? RECEIVER_NAME : local.name;
            LabelNode stop = run.stop() == null ? local.end : labelBefore(code, run.stop());
            out.add(new LocalVariableNode(name, local.desc, local.signature, labelBefore(code, run.start()),
                    stop, local.index));
        }
        resume.localVariables = out;
        DebugLines.dropUnreachable(code, insns, assigned);
    }

    /**
     * Gives each suspend block the locals in scope at its await's done-check, so a stop there (on the await's
     * line, while suspending) shows them. In the original method every slot holds the user's value there; in
     * the resume method {@link #split} then keeps the definitely assigned ones.
     */
    static void coverSuspendBlocks(MethodNode method) {
        if (method.localVariables == null) {
            return;
        }
        InsnList code = method.instructions;
        List<LocalVariableNode> added = new ArrayList<>();
        for (AbstractInsnNode insn : code.toArray()) {
            AbstractInsnNode ret = insn instanceof JumpInsnNode jump && isDoneCheck(jump) ? suspendReturn(jump) : null;
            if (ret != null) {
                JumpInsnNode jump = (JumpInsnNode) insn;
                LabelNode end = new LabelNode();
                code.insert(ret, end);
                int at = code.indexOf(jump);
                for (LocalVariableNode local : method.localVariables) {
                    if (code.indexOf(local.start) <= at && at < code.indexOf(local.end)) {
                        added.add(new LocalVariableNode(local.name, local.desc, local.signature, jump.label, end,
                                local.index));
                    }
                }
            }
        }
        method.localVariables.addAll(added);
    }

    /** {@code DUP; INVOKEVIRTUAL Future.isDone; IFEQ L_suspend}: the slow path of an await. */
    private static boolean isDoneCheck(JumpInsnNode jump) {
        return jump.getOpcode() == Opcodes.IFEQ && jump.getPrevious() instanceof MethodInsnNode call
                && RuntimeNames.IS_DONE.matches(call) && call.getPrevious().getOpcode() == Opcodes.DUP;
    }

    /**
     * The {@code ARETURN} ending the suspend block at {@code jump}'s target, or null if the target is not a
     * suspend block (a user's own {@code if (f.isDone())}): the block returns {@code frame.start(future)} or
     * {@code frame.suspend(future)} without any jump.
     */
    private static AbstractInsnNode suspendReturn(JumpInsnNode jump) {
        for (AbstractInsnNode insn = jump.label.getNext(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call
                    && (RuntimeNames.START.matches(call) || RuntimeNames.SUSPEND.matches(call))) {
                AbstractInsnNode ret = call.getNext();
                if (ret instanceof MethodInsnNode convert && RuntimeNames.TO_COMPLETABLE.matches(convert)) {
                    ret = ret.getNext(); // a CompletionStage method returns a CompletableFuture
                }
                return ret != null && ret.getOpcode() == Opcodes.ARETURN ? ret : null;
            }
            if (insn instanceof JumpInsnNode || insn instanceof LabelNode || TypeAnalysis.endsBlock(insn.getOpcode())) {
                return null;
            }
        }
        return null;
    }

    /**
     * One part of a local's range where it holds its value.
     *
     * @param start its first instruction
     * @param stop the first instruction after it, or null if it reaches the end of the local's range
     */
    private record Run(LocalVariableNode local, AbstractInsnNode start, AbstractInsnNode stop) {}

    /** Adds the parts of {@code local}'s range [from, to) where its slot is definitely assigned. */
    private static void runs(LocalVariableNode local, int from, int to, AbstractInsnNode[] insns,
                             BitSet[] assigned, List<Run> out) {
        AbstractInsnNode runStart = null;
        for (int i = from; i < to; i++) {
            if (insns[i].getOpcode() < 0) {
                continue; // labels, frames and line numbers take no bytes: they neither start nor end a run
            }
            boolean holds = assigned[i] != null && assigned[i].get(local.index);
            if (holds && runStart == null) {
                runStart = insns[i];
            } else if (!holds && runStart != null) {
                out.add(new Run(local, runStart, insns[i]));
                runStart = null;
            }
        }
        if (runStart != null) {
            out.add(new Run(local, runStart, null));
        }
    }

    /**
     * Per instruction, the slots written on every path from the entry before it; null where unreachable.
     * Slot 0 starts as the frame, not a user value, so the entry state is empty.
     */
    static BitSet[] definitelyAssigned(MethodNode method) {
        InsnList code = method.instructions;
        int n = code.size();
        List<List<Integer>> handlers = handlers(method, n);
        BitSet[] in = new BitSet[n];
        in[0] = new BitSet();
        Deque<Integer> work = new ArrayDeque<>(List.of(0));
        while (!work.isEmpty()) {
            int i = work.pop();
            AbstractInsnNode insn = code.get(i);
            BitSet after = (BitSet) in[i].clone();
            if (insn instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
                after.set(v.var);
            }
            for (int s : Liveness.successors(code, i)) {
                merge(in, s, after, work);
            }
            for (int h : handlers.get(i)) {
                merge(in, h, in[i], work); // the exception may leave before this instruction's store
            }
        }
        return in;
    }

    private static void merge(BitSet[] in, int target, BitSet state, Deque<Integer> work) {
        if (in[target] == null) {
            in[target] = (BitSet) state.clone();
            work.push(target);
            return;
        }
        BitSet meet = (BitSet) in[target].clone();
        meet.and(state);
        if (!meet.equals(in[target])) {
            in[target] = meet;
            work.push(target);
        }
    }

    private static List<List<Integer>> handlers(MethodNode method, int n) {
        List<List<Integer>> handlers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            handlers.add(new ArrayList<>());
        }
        InsnList code = method.instructions;
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int handler = code.indexOf(block.handler);
            for (int i = code.indexOf(block.start); i < code.indexOf(block.end); i++) {
                handlers.get(i).add(handler);
            }
        }
        return handlers;
    }

    /** The prologue's {@code ASTORE F}: the first store into the frame slot. */
    private static AbstractInsnNode frameStore(InsnList code, int frameSlot) {
        for (AbstractInsnNode insn : code) {
            if (insn instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE && v.var == frameSlot) {
                return insn;
            }
        }
        throw new IllegalStateException("resume method without its prologue");
    }

    /** A label right before {@code insn}: the one already there, or a new one. */
    private static LabelNode labelBefore(InsnList code, AbstractInsnNode insn) {
        if (insn.getPrevious() instanceof LabelNode label) {
            return label;
        }
        LabelNode label = new LabelNode();
        code.insertBefore(insn, label);
        return label;
    }
}
