package dev.lasti.transformer.internal;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The walker of the type analysis: one straight pass over the code. Since class files of version 50 and up
 * carry a stack map frame at every branch target and handler, the state is reset from javac's frame there
 * and otherwise follows from the previous instruction, so no merge (and no class hierarchy) is ever needed.
 * The value rules live in {@link TypeInterpreter}.
 * <pre>
 *   ILOAD 0                      before: locals [I, Future]   stack []
 *   ALOAD 1                      before: stack [I]
 *   INVOKESTATIC Await.await     before: stack [I, Future]     (what the await saves: stack0 = int)
 *   L1  FRAME FULL [I] []        reset from javac's frame, no merge
 * </pre>
 */
final class TypeAnalysis {
    private TypeAnalysis() {}

    /** The input method's own bytecode cannot be followed: invalid code, or an analysis limit. */
    static final class InvalidCode extends Exception {
        InvalidCode(AnalyzerException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * {@link #run} on the method as the compiler wrote it: a failure there is about the input, not about a
     * rewrite of lasti's (a failure on a later run is a transformer bug).
     */
    static Frame<SlotType>[] runOnInput(String owner, MethodNode method) throws InvalidCode {
        try {
            return run(owner, method);
        } catch (AnalyzerException e) {
            throw new InvalidCode(e);
        }
    }

    /**
     * The types before each instruction.
     *
     * @return one entry per instruction index; {@code null} where the code is unreachable
     */
    static Frame<SlotType>[] run(String owner, MethodNode method) throws AnalyzerException {
        TypeInterpreter interpreter = new TypeInterpreter();
        @SuppressWarnings("unchecked")
        Frame<SlotType>[] before = (Frame<SlotType>[]) new Frame<?>[method.instructions.size()];
        Frame<SlotType> current = initial(owner, method);
        for (int i = 0; i < before.length; i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof FrameNode frame) {
                current = fromFrameNode(frame, method.maxLocals, method.maxStack);
            }
            if (current == null) {
                continue;
            }
            before[i] = new Frame<>(current);
            if (insn.getOpcode() < 0) {
                continue;
            }
            try {
                execute(current, insn, interpreter, owner);
            } catch (RuntimeException e) {
                throw new AnalyzerException(insn, "instruction " + i + ": " + e.getMessage(), e);
            }
            if (endsBlock(insn.getOpcode())) {
                current = null;
            }
        }
        return before;
    }

    private static void execute(Frame<SlotType> frame, AbstractInsnNode insn, TypeInterpreter interpreter,
                                String owner) throws AnalyzerException {
        SlotType receiver = null;
        if (insn instanceof MethodInsnNode call && call.name.equals("<init>")) {
            receiver = frame.getStack(frame.getStackSize() - 1 - Type.getArgumentCount(call.desc));
        }
        frame.execute(insn, interpreter);
        if (receiver instanceof SlotType.Uninit || receiver instanceof SlotType.UninitThis) {
            // every copy of the uninitialized reference becomes the initialised object
            String type = receiver instanceof SlotType.Uninit u
                    ? ((org.objectweb.asm.tree.TypeInsnNode) u.newInsn()).desc : owner;
            SlotType initialised = new SlotType.Ref(Type.getObjectType(type));
            for (int i = 0; i < frame.getLocals(); i++) {
                if (frame.getLocal(i).equals(receiver)) {
                    frame.setLocal(i, initialised);
                }
            }
            for (int i = 0; i < frame.getStackSize(); i++) {
                if (frame.getStack(i).equals(receiver)) {
                    frame.setStack(i, initialised);
                }
            }
        }
    }

    static boolean endsBlock(int opcode) {
        return switch (opcode) {
            case Opcodes.GOTO, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.ATHROW, Opcodes.RET,
                    Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN,
                    Opcodes.RETURN -> true;
            default -> false;
        };
    }

    /** The implicit frame at method entry, from the descriptor. */
    static Frame<SlotType> initial(String owner, MethodNode method) {
        Frame<SlotType> frame = new Frame<>(method.maxLocals, method.maxStack);
        for (int i = 0; i < method.maxLocals; i++) {
            frame.setLocal(i, SlotType.TOP);
        }
        int slot = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            frame.setLocal(slot++, method.name.equals("<init>")
                    ? new SlotType.UninitThis() : new SlotType.Ref(Type.getObjectType(owner)));
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            frame.setLocal(slot, SlotType.of(arg));
            slot += arg.getSize();
        }
        return frame;
    }

    /** The state javac declared in an expanded frame node. */
    static Frame<SlotType> fromFrameNode(FrameNode node, int maxLocals, int maxStack) {
        if (node.type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be read with ClassReader.EXPAND_FRAMES");
        }
        Frame<SlotType> frame = new Frame<>(maxLocals, maxStack);
        List<SlotType> locals = FrameNodes.slots(node.local);
        for (int i = 0; i < maxLocals; i++) {
            frame.setLocal(i, i < locals.size() ? locals.get(i) : SlotType.TOP);
        }
        for (Object entry : node.stack) {
            frame.push(SlotType.fromFrameEntry(entry, label -> FrameNodes.newAfter((LabelNode) label)));
        }
        return frame;
    }
}
