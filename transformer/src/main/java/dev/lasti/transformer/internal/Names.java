package dev.lasti.transformer.internal;

import java.util.StringJoiner;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/** Human-readable names for messages and generated-member naming. */
final class Names {
    private Names() {}

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
