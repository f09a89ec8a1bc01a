package dev.lasti.transformer.driver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which methods of a rewritten class the transformer left as javac wrote them, so the verifier can skip them.
 *
 * <p>The driver learns this by comparing, not by asking the transformer for a list: a method counts as
 * unchanged only if the input class has a method of the same name and descriptor with the same access flags,
 * the same instructions (operand by operand, jumps by target position) and the same exception table. Any
 * change the transformer makes, whether it meant to or not, therefore gets the method verified. Constant-pool
 * indices, line numbers and stack map frames are not compared: the data-flow analysis ignores them.
 */
final class UnchangedMethods {
    private UnchangedMethods() {}

    /** The original's methods, by name and descriptor, read as the verifier reads the output. */
    static Map<String, MethodNode> of(byte[] original) {
        ClassNode node = new ClassNode();
        new ClassReader(original).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Map<String, MethodNode> byKey = new HashMap<>();
        for (MethodNode m : node.methods) {
            byKey.put(m.name + m.desc, m);
        }
        return byKey;
    }

    /** Whether {@code now} is {@code before} unchanged (both read with debug information and frames skipped). */
    static boolean same(MethodNode before, MethodNode now) {
        if (before == null || before.access != now.access || before.instructions.size() != now.instructions.size()
                || before.tryCatchBlocks.size() != now.tryCatchBlocks.size()) {
            return false;
        }
        Map<LabelNode, Integer> at = new IdentityHashMap<>();
        index(before, at);
        index(now, at);
        for (int i = 0; i < before.tryCatchBlocks.size(); i++) {
            TryCatchBlockNode a = before.tryCatchBlocks.get(i);
            TryCatchBlockNode b = now.tryCatchBlocks.get(i);
            if (!Objects.equals(a.type, b.type) || !at.get(a.start).equals(at.get(b.start))
                    || !at.get(a.end).equals(at.get(b.end)) || !at.get(a.handler).equals(at.get(b.handler))) {
                return false;
            }
        }
        AbstractInsnNode a = before.instructions.getFirst();
        AbstractInsnNode b = now.instructions.getFirst();
        for (; a != null; a = a.getNext(), b = b.getNext()) {
            if (a.getOpcode() != b.getOpcode() || a.getType() != b.getType() || !sameOperands(a, b, at)) {
                return false;
            }
        }
        return true;
    }

    private static void index(MethodNode method, Map<LabelNode, Integer> at) {
        int i = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext(), i++) {
            if (insn instanceof LabelNode label) {
                at.put(label, i);
            }
        }
    }

    /** Operands of two instructions of the same opcode and kind; labels compare by position. */
    private static boolean sameOperands(AbstractInsnNode a, AbstractInsnNode b, Map<LabelNode, Integer> at) {
        if (a instanceof IntInsnNode x) {
            return x.operand == ((IntInsnNode) b).operand;
        } else if (a instanceof VarInsnNode x) {
            return x.var == ((VarInsnNode) b).var;
        } else if (a instanceof TypeInsnNode x) {
            return x.desc.equals(((TypeInsnNode) b).desc);
        } else if (a instanceof FieldInsnNode x) {
            FieldInsnNode y = (FieldInsnNode) b;
            return x.owner.equals(y.owner) && x.name.equals(y.name) && x.desc.equals(y.desc);
        } else if (a instanceof MethodInsnNode x) {
            return sameCall(x, (MethodInsnNode) b);
        } else if (a instanceof InvokeDynamicInsnNode x) {
            return sameIndy(x, (InvokeDynamicInsnNode) b);
        } else if (a instanceof JumpInsnNode x) {
            return at.get(x.label).equals(at.get(((JumpInsnNode) b).label));
        } else if (a instanceof LdcInsnNode x) {
            return x.cst.equals(((LdcInsnNode) b).cst);
        } else if (a instanceof IincInsnNode x) {
            return x.var == ((IincInsnNode) b).var && x.incr == ((IincInsnNode) b).incr;
        } else if (a instanceof TableSwitchInsnNode x) {
            return sameTable(x, (TableSwitchInsnNode) b, at);
        } else if (a instanceof LookupSwitchInsnNode x) {
            return sameLookup(x, (LookupSwitchInsnNode) b, at);
        } else if (a instanceof MultiANewArrayInsnNode x) {
            return x.desc.equals(((MultiANewArrayInsnNode) b).desc) && x.dims == ((MultiANewArrayInsnNode) b).dims;
        }
        return true; // plain instructions and labels: opcode and position say it all
    }

    private static boolean sameCall(MethodInsnNode a, MethodInsnNode b) {
        return a.owner.equals(b.owner) && a.name.equals(b.name) && a.desc.equals(b.desc) && a.itf == b.itf;
    }

    private static boolean sameIndy(InvokeDynamicInsnNode a, InvokeDynamicInsnNode b) {
        return a.name.equals(b.name) && a.desc.equals(b.desc) && a.bsm.equals(b.bsm)
                && Arrays.equals(a.bsmArgs, b.bsmArgs);
    }

    private static boolean sameTable(TableSwitchInsnNode a, TableSwitchInsnNode b, Map<LabelNode, Integer> at) {
        return a.min == b.min && a.max == b.max && sameLabels(List.of(a.dflt), List.of(b.dflt), at)
                && sameLabels(a.labels, b.labels, at);
    }

    private static boolean sameLookup(LookupSwitchInsnNode a, LookupSwitchInsnNode b, Map<LabelNode, Integer> at) {
        return a.keys.equals(b.keys) && sameLabels(List.of(a.dflt), List.of(b.dflt), at)
                && sameLabels(a.labels, b.labels, at);
    }

    private static boolean sameLabels(List<LabelNode> a, List<LabelNode> b, Map<LabelNode, Integer> at) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!at.get(a.get(i)).equals(at.get(b.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
