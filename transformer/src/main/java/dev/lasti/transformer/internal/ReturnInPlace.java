package dev.lasti.transformer.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * In a resume method, {@code return Future.completed(v)} completes the frame itself instead of allocating
 * a completed future for the runtime to copy from: the frame already is the task's future.
 * <pre>
 *   before:  ...v...; INVOKESTATIC Future.completed(Object)Future; ARETURN
 *   after:   ...v...; ALOAD F; SWAP; INVOKEVIRTUAL Frame.returnValue(Object)Object; ARETURN
 * </pre>
 * Only where the call is immediately followed by {@code ARETURN}: then nothing of the user's runs between
 * completing the future and returning (a {@code finally} block would sit in between, and javac would store
 * the future in a local first), so completing early is not observable. The original method keeps {@code
 * Future.completed}: there no frame exists yet, and a synchronous result needs its own future.
 */
final class ReturnInPlace {
    private ReturnInPlace() {}

    /** Rewrites every {@code Future.completed(v); ARETURN} pair in {@code code}; F is the frame's slot. */
    static int apply(InsnList code, int frameSlot) {
        int rewritten = 0;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && RuntimeNames.COMPLETED.matches(call)
                    && call.getNext() != null && call.getNext().getOpcode() == Opcodes.ARETURN) {
                InsnList replacement = new InsnList();
                replacement.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
                replacement.add(new InsnNode(Opcodes.SWAP));
                replacement.add(RuntimeNames.RETURN_VALUE.insn());
                AbstractInsnNode last = replacement.getLast();
                code.insert(call, replacement);
                code.remove(call);
                insn = last;
                rewritten++;
            }
        }
        return rewritten;
    }
}
