package dev.lasti.transformer.internal;

import dev.lasti.transformer.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The build errors found before any rewriting: await where it cannot suspend, {@code @Async} where it
 * cannot apply. All of them are reported, not only the first.
 */
final class Misuse {
    private final ClassNode owner;
    private final List<Diagnostic> errors = new ArrayList<>();

    Misuse(ClassNode owner) {
        this.owner = owner;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    /** How a method is treated. */
    enum Kind { PLAIN, ASYNC, ASYNC_LAMBDA, GENERATOR, ASYNC_GENERATOR }

    static boolean isAnnotatedAsync(MethodNode method) {
        return hasAnnotation(method.invisibleAnnotations, RuntimeNames.ASYNC_ANNOTATION)
                || hasAnnotation(method.visibleAnnotations, RuntimeNames.ASYNC_ANNOTATION);
    }

    static boolean isAnnotatedGenerator(MethodNode method) {
        return hasAnnotation(method.invisibleAnnotations, RuntimeNames.GENERATES_ANNOTATION)
                || hasAnnotation(method.visibleAnnotations, RuntimeNames.GENERATES_ANNOTATION);
    }

    private static boolean hasAnnotation(List<AnnotationNode> annotations, String desc) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(desc));
    }

    static boolean isAsyncReturnType(Type type) {
        return type.equals(RuntimeNames.FUTURE) || type.equals(RuntimeNames.COMPLETION_STAGE)
                || type.equals(RuntimeNames.COMPLETABLE_FUTURE);
    }

    /** Classifies {@code method}, recording an error for each misuse. */
    Kind check(MethodNode method, List<AwaitSite> allSites) {
        if (isAnnotatedGenerator(method)) {
            return GeneratorMisuse.check(this, owner, method, allSites);
        }
        int yieldErrors = errors.size();
        GeneratorMisuse.yieldsOutsideGenerators(this, owner, method, allSites);
        List<AwaitSite> sites = allSites.stream().filter(s -> !s.isYield()).toList();
        boolean annotated = isAnnotatedAsync(method);
        Type returnType = Type.getReturnType(method.desc);
        boolean lambda = method.name.startsWith("lambda$") && (method.access & Opcodes.ACC_SYNTHETIC) != 0;
        int errorsBefore = errors.size();
        if (annotated) {
            checkAnnotatedMethod(method, returnType);
        } else if (!sites.isEmpty()) {
            if (lambda && !isAsyncReturnType(returnType)) {
                for (AwaitSite site : sites) {
                    error(site.line(), "await inside a lambda whose functional method returns "
                            + returnType.getClassName() + " in " + Names.display(owner.name, method),
                            "only lambdas returning dev.lasti.Future, CompletionStage or CompletableFuture can"
                                    + " await; move the await into an @Async method");
                }
            } else if (!lambda) {
                for (AwaitSite site : sites) {
                    error(site.line(), "await in " + Names.display(owner.name, method)
                            + ", which is not @Async", "annotate the method with @dev.lasti.Async and return"
                            + " dev.lasti.Future, CompletionStage or CompletableFuture");
                }
            }
        }
        if (!sites.isEmpty()) {
            checkSynchronized(method, sites);
            checkClassFileShape(method);
        }
        if (errors.size() > errorsBefore || errors.size() > yieldErrors) {
            return Kind.PLAIN;
        }
        if (annotated) {
            return Kind.ASYNC;
        }
        return lambda && !sites.isEmpty() ? Kind.ASYNC_LAMBDA : Kind.PLAIN;
    }

    /** Old class files: no subroutines, and the stack map frames the type analysis resets from. */
    void checkClassFileShape(MethodNode method) {
        String where = "cannot transform " + Names.display(owner.name, method) + ": ";
        boolean subroutines = false;
        for (AbstractInsnNode insn : method.instructions) {
            subroutines |= insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET;
        }
        if (subroutines) {
            error(lineOf(method), where + "it uses JSR/RET subroutines", "recompile the class with a Java 6+ compiler");
        }
        if ((owner.version & 0xFFFF) < Opcodes.V1_6) {
            error(lineOf(method), where + "class file version " + (owner.version & 0xFFFF)
                    + " has no stack map frames", "recompile the class with --release 8 or newer");
        } else if (!subroutines && !StackMapFrames.atEveryTarget(method)) {
            // version 50 may omit frames (the JVM then infers types); the analysis never merges, so needs them
            error(lineOf(method), where + "the class file has no stack map frame at a branch target, a handler or"
                    + " after a jump", "recompile the class with --release 8 or newer");
        }
    }

    private void checkAnnotatedMethod(MethodNode method, Type returnType) {
        String where = Names.display(owner.name, method);
        int line = firstLine(method);
        if (method.name.equals("<init>") || method.name.equals("<clinit>")) {
            error(line, "@Async on a " + (method.name.equals("<init>") ? "constructor" : "static initializer")
                    + " in " + where, "move the asynchronous work into an @Async method");
        } else if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            Place place = place(method);
            error(place.line(), "@Async on abstract method " + where + place.note(),
                    "annotate the implementations instead; an abstract method has no body to transform");
        } else if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            Place place = place(method);
            error(place.line(), "@Async on native method " + where + place.note(), "remove the annotation");
        } else if (!isAsyncReturnType(returnType)) {
            error(line, "@Async method " + where + " returns " + returnType.getClassName()
                    + ", not dev.lasti.Future, CompletionStage or CompletableFuture",
                    returnType.equals(RuntimeNames.JUC_FUTURE)
                            ? "declare dev.lasti.Future instead of java.util.concurrent.Future"
                            : "declare the return type dev.lasti.Future<T>");
        }
    }

    /**
     * javac guards a synchronized block with a catch-any handler that starts by releasing the monitor; an
     * await inside that range would suspend while holding the lock.
     */
    void checkSynchronized(MethodNode method, List<AwaitSite> sites) {
        String where = Names.display(owner.name, method);
        for (AwaitSite site : sites) {
            String what = site.isYield() ? "yield" : "await";
            if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                error(site.line(), what + " inside synchronized method " + where,
                        "a suspended " + (site.isYield() ? "generator" : "task")
                                + " must not hold a monitor; remove synchronized");
                continue;
            }
            int index = method.instructions.indexOf(site.call());
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (block.type == null && releasesMonitor(block) && method.instructions.indexOf(block.start) <= index
                        && index < method.instructions.indexOf(block.end)) {
                    error(site.line(), what + " inside a synchronized block in " + where,
                            "a suspended " + (site.isYield() ? "generator" : "task")
                                    + " must not hold a monitor; " + what + " outside the block");
                    break;
                }
            }
        }
    }

    private static boolean releasesMonitor(TryCatchBlockNode block) {
        AbstractInsnNode insn = block.handler;
        for (int seen = 0; insn != null && seen < 4; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.MONITOREXIT) {
                return true;
            }
            if (insn.getOpcode() >= 0) {
                seen++;
            }
        }
        return false;
    }

    /**
     * Where an error about a whole method is reported. A method without code (abstract, native) has no line
     * in the class file: the best honest line is the first line of the next method written in the source
     * (javac keeps source order), which the declaration is above, else the last line of the previous one.
     *
     * @param line the line, or -1 if no method of the class has line numbers
     * @param note what the line means when it is not the method's own, else empty
     */
    record Place(int line, String note) {}

    Place place(MethodNode method) {
        int own = firstLine(method);
        if (own > 0) {
            return new Place(own, "");
        }
        int index = owner.methods.indexOf(method);
        for (MethodNode next : owner.methods.subList(index + 1, owner.methods.size())) {
            if (isSourceNeighbour(next) && firstLine(next) > 0) {
                return new Place(firstLine(next), " (declared above line " + firstLine(next)
                        + ", the start of the next method: the class file has no line for a method without code)");
            }
        }
        for (int i = index - 1; i >= 0; i--) {
            MethodNode previous = owner.methods.get(i);
            if (isSourceNeighbour(previous) && lastLine(previous) > 0) {
                return new Place(lastLine(previous), " (declared below line " + lastLine(previous)
                        + ", the end of the previous method: the class file has no line for a method without code)");
            }
        }
        return new Place(-1, "");
    }

    /** The line for an error about {@code method}: its own first line, else its neighbours' (see {@link #place}). */
    int lineOf(MethodNode method) {
        return place(method).line();
    }

    /** Lambdas sit at the end of the class and constructors hold field initializers from anywhere. */
    private static boolean isSourceNeighbour(MethodNode method) {
        return (method.access & Opcodes.ACC_SYNTHETIC) == 0 && !method.name.startsWith("<");
    }

    private static int lastLine(MethodNode method) {
        int last = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                last = Math.max(last, number.line);
            }
        }
        return last;
    }

    static int firstLine(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return -1;
    }

    void error(int line, String message, String hint) {
        errors.add(new Diagnostic(Diagnostic.Severity.ERROR, owner.name, owner.sourceFile, line, message, hint));
    }
}
