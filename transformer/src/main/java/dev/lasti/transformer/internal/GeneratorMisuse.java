package dev.lasti.transformer.internal;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The build errors of generators, in {@link Misuse}'s javac form: {@code Yield.yield}/{@code Yield.from}
 * outside a {@code @Generates} method, a generator method that cannot be one (wrong return type, no body,
 * constructor, also {@code @Async}), {@code await} in a generator, and yields under a monitor.
 */
final class GeneratorMisuse {
    private GeneratorMisuse() {}

    /** Checks a {@code @Generates} method; its sites include the entry site {@link GeneratorEntry} added. */
    static Misuse.Kind check(Misuse misuse, ClassNode owner, MethodNode method, List<AwaitSite> sites) {
        int before = misuse.errors().size();
        String where = Names.display(owner.name, method);
        int line = Misuse.firstLine(method);
        Type returnType = Type.getReturnType(method.desc);
        if (method.name.startsWith("<")) {
            misuse.error(line, "@Generates on a constructor or initializer in " + where,
                    "move the yields into a method returning dev.lasti.Generator");
        } else if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            Misuse.Place place = misuse.place(method);
            misuse.error(place.line(), "@Generates on a method without a body, " + where + place.note(),
                    "annotate the implementations instead");
        } else if (!returnType.equals(RuntimeNames.GENERATOR)) {
            misuse.error(line, "@Generates method " + where + " returns " + returnType.getClassName()
                    + ", not dev.lasti.Generator", "declare the return type dev.lasti.Generator<T>");
        } else if (Misuse.isAnnotatedAsync(method)) {
            misuse.error(line, "method " + where + " is both @Async and @Generates",
                    "async generators are not supported yet: return a dev.lasti.Generator of futures, or"
                            + " collect the values in an @Async method");
        }
        for (AwaitSite site : sites) {
            if (!site.isYield()) {
                misuse.error(site.line(), "await in generator method " + where + ", which is not @Async",
                        "a plain generator cannot suspend on a future; yield the future to the consumer instead");
            }
        }
        if (method.instructions.size() > 0) {
            misuse.checkSynchronized(method, sites);
            misuse.checkClassFileShape(method);
        }
        return misuse.errors().size() > before ? Misuse.Kind.PLAIN : Misuse.Kind.GENERATOR;
    }

    /** A yield in any method that is not {@code @Generates} (lambdas included) is an error. */
    static void yieldsOutsideGenerators(Misuse misuse, ClassNode owner, MethodNode method, List<AwaitSite> sites) {
        for (AwaitSite site : sites) {
            if (site.isYield()) {
                misuse.error(site.line(), "Yield." + site.call().name + " in " + Names.display(owner.name, method)
                                + ", which is not a @Generates method",
                        "annotate the method with @dev.lasti.Generates and return dev.lasti.Generator<T>"
                                + " (a lambda cannot be a generator)");
            }
        }
    }
}
