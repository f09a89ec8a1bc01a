package dev.lasti.transformer.internal;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The check behind {@link Names#plan}: every class and member the transformer adds to one owner is claimed
 * here, and a name produced twice, or one the owner already has, is an internal error instead of a silent
 * overwrite (one frame class replacing another would run the wrong method's body).
 */
final class GeneratedNames {
    private final Set<String> classes;
    private final Set<String> methods = new HashSet<>();

    /** Thrown when a generated name is not new. */
    static final class Clash extends RuntimeException {
        Clash(String message) {
            super(message);
        }
    }

    /**
     * @param referenced class names the owner already knows (see {@link Names#referencedClasses})
     */
    GeneratedNames(ClassNode owner, Set<String> referenced) {
        classes = new HashSet<>(referenced);
        for (MethodNode method : owner.methods) {
            methods.add(method.name + method.desc);
        }
    }

    /** Claims the frame class and resume method of one transformed method. */
    void claim(MethodTransformer.Result result) {
        claimClass(result.frameClassName());
        claimMethod(result.resume());
    }

    void claimClass(String internalName) {
        if (!classes.add(internalName)) {
            throw new Clash("generated class name " + internalName + " is already taken");
        }
    }

    void claimMethod(MethodNode method) {
        if (!methods.add(method.name + method.desc)) {
            throw new Clash("generated method " + method.name + method.desc + " is already taken");
        }
    }
}
