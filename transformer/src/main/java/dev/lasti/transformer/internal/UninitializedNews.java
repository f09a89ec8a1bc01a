package dev.lasti.transformer.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Moves each allocation whose uninitialized reference is on the stack at an await past the awaits, because
 * an uninitialized reference cannot be stored in a field. {@code new Point(await(x), await(y))}:
 * <pre>
 * before:                              after:
 *   NEW Point                            ...await x...   (stack: int)
 *   DUP                                  ...await y...   (stack: int, int)
 *   ...await x...                        ISTORE tmp+1
 *   ...await y...                        ISTORE tmp
 *   INVOKESPECIAL Point.&lt;init&gt;(II)V      NEW Point; DUP
 *                                        ILOAD tmp; ILOAD tmp+1
 *                                        INVOKESPECIAL Point.&lt;init&gt;(II)V
 * </pre>
 * Only javac's plain {@code NEW; DUP; args...; INVOKESPECIAL} shape is supported; anything else is reported
 * by the caller as a build error. The two uninitialized entries are also removed from javac's stack map
 * frames between the NEW and the constructor call.
 */
final class UninitializedNews {
    private UninitializedNews() {}

    /** Thrown for a shape this pass cannot move; the message says which. */
    static final class UnsupportedShape extends Exception {
        UnsupportedShape(String message) {
            super(message);
        }
    }

    /**
     * @param before the types before each instruction, from {@link TypeAnalysis}
     * @return true if anything moved (the types must then be computed again)
     */
    static boolean move(MethodNode method, List<AwaitSite> sites, Frame<SlotType>[] before) throws UnsupportedShape {
        InsnList code = method.instructions;
        Set<TypeInsnNode> news = new LinkedHashSet<>();
        for (AwaitSite site : sites) {
            Frame<SlotType> frame = before[code.indexOf(site.call())];
            for (int i = 0; i < frame.getLocals(); i++) {
                if (frame.getLocal(i) instanceof SlotType.Uninit) {
                    throw new UnsupportedShape("an uninitialized object is stored in local " + i + " at an await");
                }
            }
            for (int i = 0; i < frame.getStackSize(); i++) {
                if (frame.getStack(i) instanceof SlotType.Uninit u) {
                    news.add((TypeInsnNode) u.newInsn());
                }
                if (frame.getStack(i) instanceof SlotType.UninitThis) {
                    throw new UnsupportedShape("await before super() in a constructor");
                }
            }
        }
        // match every pair before moving any: moving shifts the instruction indices of `before`
        java.util.Map<TypeInsnNode, MethodInsnNode> inits = new java.util.LinkedHashMap<>();
        for (TypeInsnNode newInsn : news) {
            inits.put(newInsn, constructorCall(code, newInsn, before));
        }
        inits.forEach((newInsn, init) -> moveOne(method, newInsn, init));
        return !news.isEmpty();
    }

    private static MethodInsnNode constructorCall(InsnList code, TypeInsnNode newInsn, Frame<SlotType>[] before)
            throws UnsupportedShape {
        AbstractInsnNode dup = nextReal(newInsn);
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            throw new UnsupportedShape("NEW " + newInsn.desc + " is not followed by DUP");
        }
        SlotType uninit = new SlotType.Uninit(newInsn);
        for (int i = code.indexOf(newInsn) + 1; i < code.size(); i++) {
            if (code.get(i) instanceof MethodInsnNode call && call.name.equals("<init>") && before[i] != null) {
                Frame<SlotType> frame = before[i];
                int receiver = frame.getStackSize() - 1 - Type.getArgumentCount(call.desc);
                if (receiver >= 1 && frame.getStack(receiver).equals(uninit)
                        && frame.getStack(receiver - 1).equals(uninit)) {
                    requireOnlyTheTwoCopies(code, newInsn, call, before);
                    return call;
                }
            }
        }
        throw new UnsupportedShape("no plain constructor call found for NEW " + newInsn.desc);
    }

    /**
     * Moving drops the NEW and its DUP, so the uninitialized value must exist as exactly those two stack
     * entries from the DUP to the constructor call: a further copy (DUP; DUP), a SWAP or DUP_X1 that moves
     * one, or a store to a local would be left referring to an allocation that is no longer there.
     */
    private static void requireOnlyTheTwoCopies(InsnList code, TypeInsnNode newInsn, MethodInsnNode init,
                                                Frame<SlotType>[] before) throws UnsupportedShape {
        SlotType uninit = new SlotType.Uninit(newInsn);
        int base = before[code.indexOf(newInsn)].getStackSize();
        for (int i = code.indexOf(nextReal(newInsn)) + 1; i <= code.indexOf(init); i++) {
            Frame<SlotType> frame = before[i];
            if (frame == null) {
                continue;
            }
            for (int slot = 0; slot < frame.getLocals(); slot++) {
                if (frame.getLocal(slot).equals(uninit)) {
                    throw copied(newInsn);
                }
            }
            for (int j = 0; j < frame.getStackSize(); j++) {
                if (frame.getStack(j).equals(uninit) != (j == base || j == base + 1)) {
                    throw copied(newInsn);
                }
            }
        }
    }

    private static UnsupportedShape copied(TypeInsnNode newInsn) {
        return new UnsupportedShape("the uninitialized " + newInsn.desc
                + " is copied, moved or stored before its constructor call");
    }

    private static void moveOne(MethodNode method, TypeInsnNode newInsn, MethodInsnNode init) {
        InsnList code = method.instructions;
        Set<LabelNode> labels = new LinkedHashSet<>();
        for (AbstractInsnNode p = newInsn.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
            if (p instanceof LabelNode label) {
                labels.add(label);
            }
        }
        for (AbstractInsnNode insn = newInsn; insn != init; insn = insn.getNext()) {
            if (insn instanceof FrameNode frame) {
                frame.stack.removeIf(labels::contains);
            }
        }
        code.remove(nextReal(newInsn)); // the DUP
        code.remove(newInsn);
        // stack: ..., args   ->   ..., (args in temps)
        Type[] args = Type.getArgumentTypes(init.desc);
        int[] temps = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            temps[i] = method.maxLocals;
            method.maxLocals += args[i].getSize();
        }
        InsnList moved = new InsnList();
        for (int i = args.length - 1; i >= 0; i--) {
            moved.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), temps[i]));
        }
        // stack: ...
        moved.add(new TypeInsnNode(Opcodes.NEW, newInsn.desc));
        moved.add(new InsnNode(Opcodes.DUP));
        // stack: ..., uninit, uninit
        for (int i = 0; i < args.length; i++) {
            moved.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), temps[i]));
        }
        // stack: ..., uninit, uninit, args  (INVOKESPECIAL follows)
        code.insertBefore(init, moved);
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }
}
