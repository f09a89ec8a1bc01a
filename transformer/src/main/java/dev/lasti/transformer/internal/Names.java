package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Human-readable names for messages, and the names of the classes and methods the transformer adds.
 *
 * <p>Generated names are injective within a class: every async method that awaits gets its own frame class
 * and resume method, whatever its name contains. The scheme, for {@code class Orders}:
 * <pre>
 *   place(int)                      only async method named place     Orders$place$Frame,   place$resume
 *   load(), load(String)            overloads, in member order        Orders$load$1$Frame,  load$1$resume
 *                                                                     Orders$load$2$Frame,  load$2$resume
 *   lambda$run$0()                  async lambda                      Orders$lambda$run$0$Frame
 *   m(), m(int), m$2()              m$2 keeps its own name first      Orders$m$2$Frame      (for m$2)
 *                                   the overloads number around it    Orders$m$1$Frame, Orders$m$3$Frame
 *   Inner$m(), nested class Inner   never meets Orders$Inner's frames Orders$$Inner$m$Frame
 * </pre>
 * A name already used (by another generated name, a nested class of the owner or any class the owner refers
 * to) is never reused: the next free number is taken instead. The resume method is named after the frame
 * class, so it is as unique; its descriptor names the frame class, so no existing method has it either.
 */
final class Names {
    /** The constant-pool tag of a class entry (JVMS 4.4.1); ASM keeps its own constant private. */
    private static final int CONSTANT_CLASS = 7;

    private Names() {}

    /**
     * The names generated for one async method.
     *
     * @param frameClass internal name of the frame class, e.g. {@code a/Orders$place$Frame}
     * @param resumeName name of the static resume method in the owner, e.g. {@code place$resume}
     */
    record Generated(String frameClass, String resumeName) {
        /** The resume method's descriptor: {@code (LOwner$m$Frame;)Ljava/lang/Object;}. */
        String resumeDescriptor() {
            return "(L" + frameClass + ";)Ljava/lang/Object;";
        }
    }

    /**
     * Plans the names of every method in {@code framed} (the owner's async methods that await, in member
     * order).
     *
     * @param referenced class names the owner already knows (nested classes, classes it refers to)
     */
    static Map<MethodNode, Generated> plan(ClassNode owner, List<MethodNode> framed, Set<String> referenced) {
        Map<String, List<MethodNode>> byName = new LinkedHashMap<>(); // by stem: equal stems number like overloads
        for (MethodNode method : framed) {
            byName.computeIfAbsent(stem(owner.name, method.name, referenced), n -> new ArrayList<>()).add(method);
        }
        Set<String> taken = new HashSet<>();
        for (String name : referenced) {
            String prefix = owner.name + "$";
            if (name.startsWith(prefix) && name.endsWith("$Frame")) {
                taken.add(name.substring(prefix.length(), name.length() - "$Frame".length()));
            }
        }
        Map<MethodNode, String> bases = new HashMap<>();
        // first every un-overloaded method keeps its own name: distinct method names give distinct names
        List<MethodNode> bumped = new ArrayList<>();
        byName.forEach((name, methods) -> {
            if (methods.size() == 1 && taken.add(name)) {
                bases.put(methods.get(0), name);
            } else if (methods.size() == 1) {
                bumped.add(methods.get(0));
            }
        });
        // then overloads are numbered in member order, skipping every name already used
        byName.forEach((name, methods) -> {
            int from = 1;
            for (MethodNode method : methods.size() > 1 ? methods : List.<MethodNode>of()) {
                int k = numbered(name, taken, from);
                bases.put(method, name + "$" + k);
                from = k + 1;
            }
        });
        for (MethodNode method : bumped) {
            String stem = stem(owner.name, method.name, referenced);
            bases.put(method, stem + "$" + numbered(stem, taken, 2));
        }
        // a resume method's descriptor names its frame class, which no existing member's descriptor names
        // (those classes are referenced), so base + "$resume" is a new member; GeneratedNames checks it
        Map<MethodNode, Generated> out = new LinkedHashMap<>();
        for (MethodNode method : framed) {
            String base = bases.get(method);
            out.put(method, new Generated(owner.name + "$" + base + "$Frame", base + "$resume"));
        }
        return out;
    }

    /**
     * The method's name, or {@code $name} when {@code Owner$p} is a known class for {@code p} the whole name
     * or a part of it before a {@code $}: {@code Orders} with a method {@code Inner$m} would otherwise name
     * its frame {@code Orders$Inner$m$Frame}, the frame of method {@code m} of the nested {@code Orders$Inner}
     * (javac lists every nested class in the owner's InnerClasses, so the check sees them all).
     */
    private static String stem(String owner, String name, Set<String> referenced) {
        for (int i = name.indexOf('$'); ; i = name.indexOf('$', i + 1)) {
            if (referenced.contains(owner + "$" + (i < 0 ? name : name.substring(0, i)))) {
                return "$" + name;
            }
            if (i < 0) {
                return name;
            }
        }
    }

    /** The first {@code k >= from} for which {@code name$k} is free; that name is then marked taken. */
    private static int numbered(String name, Set<String> taken, int from) {
        int k = from;
        while (!taken.add(name + "$" + k)) {
            k++;
        }
        return k;
    }

    /**
     * The class names {@code owner} already knows: itself, its nested classes, and every class its constant
     * pool or member descriptors name. A frame class never takes one of them.
     */
    static Set<String> referencedClasses(ClassReader reader, ClassNode owner) {
        Set<String> names = new HashSet<>();
        names.add(owner.name);
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                names.add(reader.readUTF8(offset, buffer));
            }
        }
        for (InnerClassNode inner : owner.innerClasses) {
            names.add(inner.name);
        }
        for (MethodNode method : owner.methods) {
            addObjectTypes(names, Type.getArgumentTypes(method.desc));
            addObjectTypes(names, Type.getReturnType(method.desc));
        }
        for (FieldNode field : owner.fields) {
            addObjectTypes(names, Type.getType(field.desc));
        }
        return names;
    }

    private static void addObjectTypes(Set<String> names, Type... types) {
        for (Type type : types) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                names.add(element.getInternalName());
            }
        }
    }

    /** {@code Orders.load(String, int)}: simple class name, method name, simple parameter types. */
    static String display(String ownerInternalName, MethodNode method) {
        StringJoiner params = new StringJoiner(", ", "(", ")");
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            String name = arg.getClassName();
            params.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return simpleName(ownerInternalName) + "." + method.name + params;
    }

    /** {@code Orders$Inner} for {@code a/b/Orders$Inner}. */
    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
