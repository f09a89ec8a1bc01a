package dev.lasti.transformer.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The first pass: a typed await becomes a plain one. {@code await(f, IOException.class)} exists only so
 * that javac lets the caller catch the checked exception it names; the class is a type witness, never
 * checked. Once it is evaluated (any expression may supply it) and dropped, every later pass sees a plain
 * await with the same stack and line, so the generated code is exactly that of a plain await.
 *
 * <pre>
 * before:  ALOAD f; LDC IOException.class; INVOKESTATIC Await.await(Future, Class)Object
 * after:   ALOAD f; LDC IOException.class; POP; INVOKESTATIC Await.await(Future)Object
 * </pre>
 *
 * The same for {@code await(CompletionStage, Class)}. Runs on every method, so a typed await where nothing
 * can suspend is refused like any other await.
 */
final class TypedAwaits {
    private TypedAwaits() {}

    static void untype(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call) {
                RuntimeNames.MethodRef plain = RuntimeNames.AWAIT_FUTURE_TYPED.matches(call)
                        ? RuntimeNames.AWAIT_FUTURE
                        : RuntimeNames.AWAIT_STAGE_TYPED.matches(call) ? RuntimeNames.AWAIT_STAGE : null;
                if (plain != null) {
                    method.instructions.insertBefore(call, new InsnNode(Opcodes.POP));
                    call.desc = plain.descriptor();
                }
            }
        }
    }
}
