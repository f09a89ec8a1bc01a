package dev.lasti.transformer.internal;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;

/**
 * Line numbers of the generated code a debugger can stop in. A suspend block sits after the body, so without
 * a line of its own it would count as the body's last line: "step over" an await that suspends would stop on
 * the method's {@code return} before leaving. With the await's own line the whole suspension is one step of
 * that line, and the step ends where the method returns to (its caller, or the runtime's resume loop).
 * <pre>
 *   before:                                  after:
 *     LINENUMBER 14 L_ret                      LINENUMBER 14 L_ret
 *     ...return...                             ...return...
 *   L_suspend_1:  (counts as line 14)        L_suspend_1:
 *     ASTORE fut ...                           LINENUMBER 13 L_suspend_1   (the await's line)
 *                                              ASTORE fut ...
 * </pre>
 */
final class DebugLines {
    private DebugLines() {}

    /**
     * Removes the line numbers of code that never runs: in a resume method, the copy of the body before the
     * first await that no loop leads back to. A debugger then sets no breakpoint there, and a line that only
     * the original method runs has one location only.
     *
     * @param reachable per instruction of {@code insns}, null where no path from the entry reaches it
     */
    static void dropUnreachable(InsnList code, AbstractInsnNode[] insns, Object[] reachable) {
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof LineNumberNode line && !runs(insns, reachable, i)) {
                code.remove(line);
            }
        }
    }

    /** Whether the first real instruction from {@code i} on is reachable. */
    private static boolean runs(AbstractInsnNode[] insns, Object[] reachable, int i) {
        for (int j = i; j < insns.length; j++) {
            if (insns[j].getOpcode() >= 0) {
                return reachable[j] != null;
            }
        }
        return false;
    }

    /** The await's line at the start of its suspend block {@code label}; empty without line numbers. */
    static InsnList suspendBlock(AwaitSite site, LabelNode label) {
        InsnList out = new InsnList();
        if (site.line() > 0) {
            out.add(new LineNumberNode(site.line(), label));
        }
        return out;
    }
}
