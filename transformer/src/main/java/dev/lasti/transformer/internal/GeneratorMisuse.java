package dev.lasti.transformer.internal;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The build errors of generators, in {@link Misuse}'s javac form: {@code Yield.yield}/{@code Yield.from}
 * outside a {@code @Generates} method, a generator method that cannot be one (wrong return type, no body,
 * constructor), {@code await} in a generator that is not {@code @Async}, {@code Yield.from} in an async
 * generator, and yields under a monitor.
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
        } else if (Misuse.isAnnotatedAsync(method) && !returnType.equals(RuntimeNames.ASYNC_GENERATOR)) {
            misuse.error(line, "@Async @Generates method " + where + " returns " + returnType.getClassName()
                    + ", not dev.lasti.AsyncGenerator", "declare the return type dev.lasti.AsyncGenerator<T>");
        } else if (!Misuse.isAnnotatedAsync(method) && returnType.equals(RuntimeNames.ASYNC_GENERATOR)) {
            misuse.error(line, "@Generates method " + where + " returns dev.lasti.AsyncGenerator but is not @Async",
                    "annotate it with @dev.lasti.Async too, or return dev.lasti.Generator<T>");
        } else if (!Misuse.isAnnotatedAsync(method) && !returnType.equals(RuntimeNames.GENERATOR)) {
            misuse.error(line, "@Generates method " + where + " returns " + returnType.getClassName()
                    + ", not dev.lasti.Generator", "declare the return type dev.lasti.Generator<T>");
        }
        boolean async = Misuse.isAnnotatedAsync(method);
        for (AwaitSite site : sites) {
            if (!site.isYield() && !async) {
                misuse.error(site.line(), "await in generator method " + where + ", which is not @Async",
                        "a plain generator cannot suspend on a future; yield the future to the consumer instead,"
                                + " or make it an async generator (@Async, returning dev.lasti.AsyncGenerator)");
            } else if (site.isDelegation() && async) {
                misuse.error(site.line(), "Yield.from in async generator " + where,
                        "delegation between async generators is not supported yet: loop over the inner one with"
                                + " while (await(inner.hasNext())) Yield.yield(inner.next());");
            }
        }
        if (method.instructions.size() > 0) {
            misuse.checkSynchronized(method, sites);
            misuse.checkClassFileShape(method);
        }
        if (misuse.errors().size() > before) {
            return Misuse.Kind.PLAIN;
        }
        return async ? Misuse.Kind.ASYNC_GENERATOR : Misuse.Kind.GENERATOR;
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
