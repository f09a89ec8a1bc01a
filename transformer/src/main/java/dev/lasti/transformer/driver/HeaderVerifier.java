package dev.lasti.transformer.driver;

import dev.lasti.transformer.driver.ClassHeaders.Header;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} with every hierarchy question answered from {@link ClassHeaders} instead of
 * {@code Class} objects: {@link #getClass} is never called. Subtyping follows {@link Class#isAssignableFrom},
 * and, like the JVM's verifier and ASM's own, any reference passes where an interface is expected (a merge of
 * two types can only yield a class, so an interface-typed value may be seen as {@code Object}).
 *
 * <p>A type the headers do not know raises {@link ClassHeaders.UnknownTypeException}; {@link OutputVerifier}
 * turns that into a warning for the method instead of a false error.
 */
final class HeaderVerifier extends SimpleVerifier {
    private static final Type OBJECT = Type.getObjectType("java/lang/Object");
    /** ASM's type of the {@code null} constant (private in {@link SimpleVerifier}; same descriptor). */
    private static final Type NULL_TYPE = Type.getObjectType("null");

    private final ClassHeaders headers;

    /** A verifier for the methods of one class, the current class's own header given as ASM expects it. */
    HeaderVerifier(ClassHeaders headers, Type currentClass, Type currentSuper, List<Type> interfaces,
                   boolean isInterface) {
        super(Opcodes.ASM9, currentClass, currentSuper, interfaces, isInterface);
        this.headers = headers;
    }

    @Override
    protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
        Type want = expected.getType();
        Type have = value.getType();
        switch (want.getSort()) {
            case Type.INT, Type.FLOAT, Type.LONG, Type.DOUBLE:
                return have.equals(want);
            case Type.ARRAY, Type.OBJECT:
                if (have.equals(NULL_TYPE)) {
                    return true;
                }
                if (!isReference(have)) {
                    return false;
                }
                return isAssignableFrom(want, have) || isInterface(want);
            default:
                throw new AssertionError("unexpected expected type " + want);
        }
    }

    @Override
    protected boolean isInterface(Type type) {
        return type.getSort() == Type.OBJECT && headers.get(type.getInternalName()).isInterface();
    }

    @Override
    protected Type getSuperClass(Type type) {
        if (type.getSort() == Type.ARRAY) {
            return OBJECT;
        }
        Header header = headers.get(type.getInternalName());
        // Class.getSuperclass() is null for interfaces, though their class files name java/lang/Object.
        return header.isInterface() || header.superName() == null ? null : Type.getObjectType(header.superName());
    }

    @Override
    protected boolean isAssignableFrom(Type to, Type from) {
        if (to.equals(from)) {
            return true;
        }
        if (to.getSort() == Type.ARRAY) {
            if (from.getSort() != Type.ARRAY) {
                return false;
            }
            Type toElement = Type.getType(to.getDescriptor().substring(1));
            Type fromElement = Type.getType(from.getDescriptor().substring(1));
            return isReference(toElement) && isReference(fromElement) && isAssignableFrom(toElement, fromElement);
        }
        String target = to.getInternalName();
        if (target.equals(OBJECT.getInternalName())) {
            return true;
        }
        if (from.getSort() == Type.ARRAY) {
            return target.equals("java/lang/Cloneable") || target.equals("java/io/Serializable");
        }
        return headers.get(target).isInterface() ? hasSupertype(from.getInternalName(), target)
                : hasSuperclass(from.getInternalName(), target);
    }

    /** True if {@code target} is {@code start} or one of its superclasses: for a class, reads no interface. */
    private boolean hasSuperclass(String start, String target) {
        for (String name = start; name != null; name = headers.get(name).superName()) {
            if (name.equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code target} is {@code start} or one of its superclasses or superinterfaces. */
    private boolean hasSupertype(String start, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (name.equals(target)) {
                return true;
            }
            if (!seen.add(name)) {
                continue;
            }
            Header header = headers.get(name);
            if (header.superName() != null) {
                todo.push(header.superName());
            }
            header.interfaces().forEach(todo::push);
        }
        return false;
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    /** Never used: every caller in {@link SimpleVerifier} is overridden above, so no class is ever loaded. */
    @Override
    protected Class<?> getClass(Type type) {
        throw new IllegalStateException("lasti never loads classes to verify; asked for " + type);
    }
}
