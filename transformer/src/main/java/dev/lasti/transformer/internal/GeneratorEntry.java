package dev.lasti.transformer.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

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
