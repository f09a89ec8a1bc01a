package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A generator runs none of its body when called, so its entry is made yield site 1:
 * <pre>
 *   before:  L0 LINENUMBER 12 L0 ...body...
 *   after:   L_entry LINENUMBER 12 L_entry
 *            ACONST_NULL; INVOKESTATIC Yield.yield(Object)Object; POP
 *            L0 LINENUMBER 12 L0 ...body...
 * </pre>
 * The shared passes then make the original method allocate the frame there, saving the live arguments, and
 * return it ({@code GeneratorFrame.created}); the first {@code next()} resumes at site 1, where the value
 * delivered ({@code null}) is dropped. It goes before every user label, so no loop of the body can reach it.
 */
final class GeneratorEntry {
    private GeneratorEntry() {}

    /**
     * Replaces the original method's body, once the resume method has copied it, by the entry's suspend block
     * alone: the call never runs the body, so keeping it would leave dead code (lines a coverage tool reports
     * as missed, a catch-all that never fires) in the original method.
     * <pre>
     *   L_start: LINENUMBER first L_start
     *     ACONST_NULL; ASTORE fut
     *     NEW Owner$m$Frame; DUP; INVOKESPECIAL &lt;init&gt;; ASTORE frame
     *     ...save the live arguments, resumePoint = 1...
     *     ALOAD frame; ALOAD fut; INVOKEVIRTUAL GeneratorFrame.created(Object)Generator; ARETURN
     *   L_end:                                  (the arguments' LocalVariableTable ranges)
     * </pre>
     */
    static void replaceOriginalBody(MethodNode method, FrameLayout layout, FrameKind kind) {
        FrameLayout.SitePlan entry = layout.sites().get(0);
        AbstractInsnNode oldFirst = method.instructions.getFirst();
        InsnList code = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        code.add(start);
        if (entry.site().line() > 0) {
            code.add(new LineNumberNode(entry.site().line(), start));
        }
        int futureSlot = layout.frameSlot();
        int frameSlot = futureSlot + 1;
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new VarInsnNode(Opcodes.ASTORE, futureSlot));
        code.add(new TypeInsnNode(Opcodes.NEW, layout.frameClass()));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, layout.frameClass(), "<init>", "()V", false));
        code.add(new VarInsnNode(Opcodes.ASTORE, frameSlot));
        code.add(SaveRestore.save(layout, entry, frameSlot));
        code.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        code.add(new VarInsnNode(Opcodes.ALOAD, futureSlot));
        code.add(kind.start().insn());
        code.add(new InsnNode(Opcodes.ARETURN));
        code.add(end);
        int argSlots = Type.getArgumentsAndReturnSizes(method.desc) >> 2;
        if ((method.access & Opcodes.ACC_STATIC) != 0) {
            argSlots--;
        }
        if (method.localVariables != null) {
            List<LocalVariableNode> kept = new ArrayList<>();
            for (LocalVariableNode local : method.localVariables) {
                if (local.index < argSlots && local.start == oldFirst) {
                    kept.add(new LocalVariableNode(local.name, local.desc, local.signature, start, end, local.index));
                }
            }
            method.localVariables = kept;
        }
        method.instructions = code;
        method.tryCatchBlocks = new ArrayList<>();
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        method.maxLocals = frameSlot + 1;
    }

    static void insert(MethodNode method) {
        InsnList entry = new InsnList();
        LabelNode label = new LabelNode();
        entry.add(label);
        int line = Misuse.firstLine(method);
        if (line > 0) {
            entry.add(new LineNumberNode(line, label));
        }
        entry.add(new InsnNode(Opcodes.ACONST_NULL));
        entry.add(RuntimeNames.YIELD.insn());
        entry.add(new InsnNode(Opcodes.POP));
        AbstractInsnNode first = method.instructions.getFirst();
        method.instructions.insert(entry);
        // the arguments' LocalVariableTable ranges start at javac's first label: begin them at the entry site,
        // so their frame fields get their names (local0$n) and a debugger shows them there
        if (method.localVariables != null && first instanceof LabelNode start) {
            for (LocalVariableNode local : method.localVariables) {
                if (local.start == start) {
                    local.start = label;
                }
            }
        }
    }
}
