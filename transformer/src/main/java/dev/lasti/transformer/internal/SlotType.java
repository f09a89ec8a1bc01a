package dev.lasti.transformer.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.Value;

/**
 * The verifier's view of one local slot or operand-stack entry, exact enough to declare a frame field and a
 * stack map entry: no merges ever happen (see {@link TypeAnalysis}), so reference types stay exact.
 */
public sealed interface SlotType extends Value {
    SlotType TOP = new Top();
    SlotType INT = new Prim(Type.INT_TYPE);
    SlotType FLOAT = new Prim(Type.FLOAT_TYPE);
    SlotType LONG = new Prim(Type.LONG_TYPE);
    SlotType DOUBLE = new Prim(Type.DOUBLE_TYPE);
    SlotType NULL = new Null();

    /** An unusable slot: never written, or the second half of a long/double. */
    record Top() implements SlotType {}

    /** int (also boolean, byte, char, short), float, long or double. */
    record Prim(Type type) implements SlotType {}

    /** An initialised object or array of exactly this type. */
    record Ref(Type type) implements SlotType {}

    /** The {@code null} constant, which has no field type of its own. */
    record Null() implements SlotType {}

    /** The result of {@code newInsn} before its constructor ran: cannot be stored anywhere. */
    record Uninit(AbstractInsnNode newInsn) implements SlotType {}

    /** {@code this} in a constructor before {@code super(...)}. */
    record UninitThis() implements SlotType {}

    /** A JSR return address (only seen in pre-Java-6 code, which is rejected). */
    record ReturnAddress() implements SlotType {}

    @Override
    default int getSize() {
        return this instanceof Prim p && (p.type().getSort() == Type.LONG || p.type().getSort() == Type.DOUBLE)
                ? 2 : 1;
    }

    /** The type of a value of Java type {@code t} as the verifier sees it; null for void. */
    static SlotType of(Type t) {
        return switch (t.getSort()) {
            case Type.VOID -> null;
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> INT;
            case Type.FLOAT -> FLOAT;
            case Type.LONG -> LONG;
            case Type.DOUBLE -> DOUBLE;
            case Type.ARRAY, Type.OBJECT -> new Ref(t);
            default -> throw new IllegalArgumentException("not a value type: " + t);
        };
    }

    /** The field/local type that holds this value; null for values needing no storage (null constants). */
    static Type storageType(SlotType s) {
        if (s instanceof Prim p) {
            return p.type();
        }
        if (s instanceof Ref r) {
            return r.type();
        }
        if (s instanceof Null) {
            return null;
        }
        throw new IllegalStateException("cannot save a value of type " + s);
    }

    /** Converts an entry of an expanded ASM {@code FrameNode} list. */
    static SlotType fromFrameEntry(Object entry, java.util.function.Function<Object, AbstractInsnNode> newOfLabel) {
        if (entry instanceof String internalName) {
            return new Ref(Type.getObjectType(internalName));
        }
        if (entry instanceof Integer tag) {
            return switch (tag) {
                case 0 -> TOP; // Opcodes.TOP
                case 1 -> INT; // Opcodes.INTEGER
                case 2 -> FLOAT;
                case 3 -> DOUBLE;
                case 4 -> LONG;
                case 5 -> NULL;
                case 6 -> new UninitThis();
                default -> throw new IllegalArgumentException("unknown frame tag " + tag);
            };
        }
        return new Uninit(newOfLabel.apply(entry));
    }

    /** Converts to an entry of an expanded ASM {@code FrameNode} list. */
    static Object toFrameEntry(SlotType s, java.util.function.Function<AbstractInsnNode, Object> labelOfNew) {
        if (s instanceof Prim p) {
            return switch (p.type().getSort()) {
                case Type.INT -> Opcodes.INTEGER;
                case Type.FLOAT -> Opcodes.FLOAT;
                case Type.LONG -> Opcodes.LONG;
                default -> Opcodes.DOUBLE;
            };
        }
        if (s instanceof Ref r) {
            return r.type().getInternalName();
        }
        if (s instanceof Uninit u) {
            return labelOfNew.apply(u.newInsn());
        }
        if (s instanceof Top) {
            return Opcodes.TOP;
        }
        if (s instanceof Null) {
            return Opcodes.NULL;
        }
        if (s instanceof UninitThis) {
            return Opcodes.UNINITIALIZED_THIS;
        }
        throw new IllegalStateException("return addresses have no frame entry");
    }
}
