package dev.lasti.transformer.internal;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * The value rules of {@link TypeAnalysis}: what each instruction pushes, with exact reference types taken
 * from descriptors. Never merges (the walker resets at every javac frame instead), so it never needs the
 * class hierarchy and never loads a class.
 */
final class TypeInterpreter extends Interpreter<SlotType> {
    TypeInterpreter() {
        super(Opcodes.ASM9);
    }

    @Override
    public SlotType newValue(Type type) {
        return type == null ? SlotType.TOP : SlotType.of(type);
    }

    @Override
    public SlotType newOperation(AbstractInsnNode insn) {
        return switch (insn.getOpcode()) {
            case Opcodes.ACONST_NULL -> SlotType.NULL;
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                    Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.BIPUSH, Opcodes.SIPUSH -> SlotType.INT;
            case Opcodes.LCONST_0, Opcodes.LCONST_1 -> SlotType.LONG;
            case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> SlotType.FLOAT;
            case Opcodes.DCONST_0, Opcodes.DCONST_1 -> SlotType.DOUBLE;
            case Opcodes.LDC -> constant(((LdcInsnNode) insn).cst);
            case Opcodes.JSR -> new SlotType.ReturnAddress();
            case Opcodes.GETSTATIC -> SlotType.of(Type.getType(((FieldInsnNode) insn).desc));
            case Opcodes.NEW -> new SlotType.Uninit(insn);
            default -> throw new IllegalStateException("unexpected opcode " + insn.getOpcode());
        };
    }

    private static SlotType constant(Object cst) {
        if (cst instanceof Integer) {
            return SlotType.INT;
        } else if (cst instanceof Float) {
            return SlotType.FLOAT;
        } else if (cst instanceof Long) {
            return SlotType.LONG;
        } else if (cst instanceof Double) {
            return SlotType.DOUBLE;
        } else if (cst instanceof String) {
            return ref("java/lang/String");
        } else if (cst instanceof Type t) {
            return ref(t.getSort() == Type.METHOD ? "java/lang/invoke/MethodType" : "java/lang/Class");
        } else if (cst instanceof Handle) {
            return ref("java/lang/invoke/MethodHandle");
        } else if (cst instanceof ConstantDynamic c) {
            return SlotType.of(Type.getType(c.getDescriptor()));
        }
        throw new IllegalStateException("unexpected constant " + cst);
    }

    private static SlotType ref(String internalName) {
        return new SlotType.Ref(Type.getObjectType(internalName));
    }

    @Override
    public SlotType copyOperation(AbstractInsnNode insn, SlotType value) {
        return value;
    }

    @Override
    public SlotType unaryOperation(AbstractInsnNode insn, SlotType value) {
        return switch (insn.getOpcode()) {
            case Opcodes.INEG, Opcodes.IINC, Opcodes.L2I, Opcodes.F2I, Opcodes.D2I, Opcodes.I2B, Opcodes.I2C,
                    Opcodes.I2S, Opcodes.ARRAYLENGTH, Opcodes.INSTANCEOF -> SlotType.INT;
            case Opcodes.FNEG, Opcodes.I2F, Opcodes.L2F, Opcodes.D2F -> SlotType.FLOAT;
            case Opcodes.LNEG, Opcodes.I2L, Opcodes.F2L, Opcodes.D2L -> SlotType.LONG;
            case Opcodes.DNEG, Opcodes.I2D, Opcodes.L2D, Opcodes.F2D -> SlotType.DOUBLE;
            case Opcodes.GETFIELD -> SlotType.of(Type.getType(((FieldInsnNode) insn).desc));
            case Opcodes.NEWARRAY -> new SlotType.Ref(Type.getType("[" + primitiveArrayElement(
                    ((IntInsnNode) insn).operand)));
            case Opcodes.ANEWARRAY -> new SlotType.Ref(Type.getType(
                    "[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor()));
            case Opcodes.CHECKCAST -> new SlotType.Ref(Type.getObjectType(((TypeInsnNode) insn).desc));
            default -> null; // branches, returns, throws, monitors, putstatic: no value
        };
    }

    private static String primitiveArrayElement(int operand) {
        return switch (operand) {
            case Opcodes.T_BOOLEAN -> "Z";
            case Opcodes.T_CHAR -> "C";
            case Opcodes.T_BYTE -> "B";
            case Opcodes.T_SHORT -> "S";
            case Opcodes.T_INT -> "I";
            case Opcodes.T_FLOAT -> "F";
            case Opcodes.T_DOUBLE -> "D";
            case Opcodes.T_LONG -> "J";
            default -> throw new IllegalStateException("bad NEWARRAY operand " + operand);
        };
    }

    @Override
    public SlotType binaryOperation(AbstractInsnNode insn, SlotType value1, SlotType value2) {
        return switch (insn.getOpcode()) {
            case Opcodes.IALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IADD, Opcodes.ISUB,
                    Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR,
                    Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR, Opcodes.LCMP, Opcodes.FCMPL, Opcodes.FCMPG,
                    Opcodes.DCMPL, Opcodes.DCMPG -> SlotType.INT;
            case Opcodes.FALOAD, Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV, Opcodes.FREM ->
                    SlotType.FLOAT;
            case Opcodes.LALOAD, Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM,
                    Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR ->
                    SlotType.LONG;
            case Opcodes.DALOAD, Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV, Opcodes.DREM ->
                    SlotType.DOUBLE;
            case Opcodes.AALOAD -> value1 instanceof SlotType.Ref r && r.type().getSort() == Type.ARRAY
                    ? SlotType.of(Type.getType(r.type().getDescriptor().substring(1)))
                    : SlotType.NULL; // aaload on null: throws, the value is never used
            default -> null; // compare-and-branch, putfield
        };
    }

    @Override
    public SlotType ternaryOperation(AbstractInsnNode insn, SlotType v1, SlotType v2, SlotType v3) {
        return null;
    }

    @Override
    public SlotType naryOperation(AbstractInsnNode insn, List<? extends SlotType> values) {
        if (insn instanceof MultiANewArrayInsnNode m) {
            return new SlotType.Ref(Type.getType(m.desc));
        } else if (insn instanceof InvokeDynamicInsnNode d) {
            return newValue(Type.getReturnType(d.desc));
        } else if (insn instanceof MethodInsnNode m) {
            return newValue(Type.getReturnType(m.desc));
        }
        throw new IllegalStateException("unexpected opcode " + insn.getOpcode());
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, SlotType value, SlotType expected) {}

    @Override
    public SlotType merge(SlotType value1, SlotType value2) {
        if (!value1.equals(value2)) {
            throw new IllegalStateException("TypeAnalysis never merges");
        }
        return value1;
    }
}
