package dev.lasti.transformer.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Every runtime type, member and descriptor that the transformer reads or that generated code calls, in one
 * place. {@code RuntimeNamesTest} checks each one against the real runtime classes by reflection.
 */
public final class RuntimeNames {
    private RuntimeNames() {}

    /** A method the generated code calls. */
    public record MethodRef(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        /** A fresh instruction node calling this method. */
        public MethodInsnNode insn() {
            return new MethodInsnNode(opcode, owner, name, descriptor, isInterface);
        }

        /** True if {@code insn} calls exactly this method. */
        public boolean matches(MethodInsnNode insn) {
            return insn.getOpcode() == opcode && insn.owner.equals(owner) && insn.name.equals(name)
                    && insn.desc.equals(descriptor);
        }
    }

    /** {@code @dev.lasti.Async}, class retention: a RuntimeInvisibleAnnotation. */
    public static final String ASYNC_ANNOTATION = "Ldev/lasti/Async;";
    /** lasti's marker on transformed classes (invisible; the class need not exist at run time). */
    public static final String TRANSFORMED_MARKER = "Ldev/lasti/internal/Transformed;";
    /** The debug metadata annotation on frame classes (visible). */
    public static final String FRAME_INFO = "Ldev/lasti/internal/FrameInfo;";

    public static final Type FUTURE = Type.getObjectType("dev/lasti/Future");
    public static final Type COMPLETION_STAGE = Type.getObjectType("java/util/concurrent/CompletionStage");
    public static final Type COMPLETABLE_FUTURE = Type.getObjectType("java/util/concurrent/CompletableFuture");
    /** The JDK interface users sometimes declare by mistake; gets a hint. */
    public static final Type JUC_FUTURE = Type.getObjectType("java/util/concurrent/Future");
    public static final Type FRAME = Type.getObjectType("dev/lasti/internal/Frame");
    public static final Type THROWABLE = Type.getObjectType("java/lang/Throwable");
    public static final Type OBJECT = Type.getObjectType("java/lang/Object");

    /**
     * The frame format the generated code follows: the frame class's static initializer passes it to {@link
     * #CHECK_FORMAT}, and a runtime of another format refuses the class with a clear message. Bump it (and
     * {@code Frame.FORMAT} in the runtime) whenever the shape of frame classes or the calls below change.
     */
    public static final int FORMAT_VERSION = 3;

    /**
     * The resume index: a package-private {@code int} field of each generated frame class (not of {@code
     * Frame}, so nothing public is mutable): 0 = not started, k = suspended at (resuming after) await k.
     */
    public static final String RESUME_POINT = "resumePoint";
    /** {@code Frame.resumePoint()}, abstract; each frame class implements it by returning its field. */
    public static final String RESUME_POINT_DESC = "()I";

    public static final MethodRef AWAIT_FUTURE = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Await", "await",
            "(Ldev/lasti/Future;)Ljava/lang/Object;", false);
    public static final MethodRef AWAIT_STAGE = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Await", "await",
            "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;", false);
    /** The typed overloads: the extra {@code Class} is a type witness, popped before the plain await. */
    public static final MethodRef AWAIT_FUTURE_TYPED = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Await",
            "await", "(Ldev/lasti/Future;Ljava/lang/Class;)Ljava/lang/Object;", false);
    public static final MethodRef AWAIT_STAGE_TYPED = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Await",
            "await", "(Ljava/util/concurrent/CompletionStage;Ljava/lang/Class;)Ljava/lang/Object;", false);
    public static final MethodRef STAGE_IS_DONE = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/internal/Frames",
            "isDone", "(Ljava/util/concurrent/CompletionStage;)Z", false);
    public static final MethodRef STAGE_RESULT_NOW = new MethodRef(Opcodes.INVOKESTATIC,
            "dev/lasti/internal/Frames", "resultNow", "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;",
            false);
    public static final MethodRef ADAPT = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/internal/Frames", "adapt",
            "(Ljava/util/concurrent/CompletionStage;)Ldev/lasti/Future;", false);
    public static final MethodRef IS_DONE = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/Future", "isDone",
            "()Z", false);
    /** The done future's value or failure, after the done-check: {@code join}, which cannot block there. */
    public static final MethodRef JOIN = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/Future",
            "join", "()Ljava/lang/Object;", false);
    public static final MethodRef COMPLETED = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Future", "completed",
            "(Ljava/lang/Object;)Ldev/lasti/Future;", false);
    public static final MethodRef FAILED = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Future", "failed",
            "(Ljava/lang/Throwable;)Ldev/lasti/Future;", false);
    public static final MethodRef TO_COMPLETABLE = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/Future",
            "toCompletableFuture", "()Ljava/util/concurrent/CompletableFuture;", false);
    public static final MethodRef FAILED_STAGE = new MethodRef(Opcodes.INVOKESTATIC,
            "java/util/concurrent/CompletableFuture", "failedFuture",
            "(Ljava/lang/Throwable;)Ljava/util/concurrent/CompletableFuture;", false);
    public static final MethodRef FRAME_INIT = new MethodRef(Opcodes.INVOKESPECIAL, "dev/lasti/internal/Frame",
            "<init>", "()V", false);
    public static final MethodRef START = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/Frame", "start",
            "(Ldev/lasti/Future;)Ldev/lasti/Future;", false);
    public static final MethodRef SUSPEND = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/Frame",
            "suspend", "(Ldev/lasti/Future;)Ljava/lang/Object;", false);
    public static final MethodRef RETURN_VALUE = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/Frame",
            "returnValue", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    public static final MethodRef AWAITED = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/Frame",
            "awaited", "()Ldev/lasti/Future;", false);
    /** {@code EventLoop.yieldNow()}, which {@link NextIterationAwaits} replaces by {@link #NEXT_ITERATION}. */
    public static final MethodRef YIELD_NOW = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/EventLoop",
            "yieldNow", "()Ldev/lasti/Future;", false);
    public static final MethodRef NEXT_ITERATION = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/internal/Frame",
            "nextIteration", "()Ldev/lasti/Future;", false);
    /** What {@link #NEXT_ITERATION} becomes in a resume method, called on the frame. */
    public static final MethodRef YIELD_MARK = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/Frame",
            "yieldMark", "()Ldev/lasti/Future;", false);
    public static final MethodRef CHECK_FORMAT = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/internal/Frame",
            "checkFormat", "(ILjava/lang/Class;)V", false);
    /** {@code @dev.lasti.Generates}, class retention: marks a generator method. */
    public static final String GENERATES_ANNOTATION = "Ldev/lasti/Generates;";
    public static final Type GENERATOR = Type.getObjectType("dev/lasti/Generator");
    /** The base class of generator frames, as {@link #FRAME} is of async frames. */
    public static final Type GENERATOR_FRAME = Type.getObjectType("dev/lasti/internal/GeneratorFrame");
    public static final MethodRef YIELD = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Yield", "yield",
            "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    public static final MethodRef YIELD_FROM = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/Yield", "from",
            "(Ldev/lasti/Generator;)Ljava/lang/Object;", false);
    public static final Type ASYNC_GENERATOR = Type.getObjectType("dev/lasti/AsyncGenerator");
    /** The calls of an async generator's frame ({@code dev.lasti.internal.AsyncGeneratorFrame}). */
    private static final String AG_FRAME = "dev/lasti/internal/AsyncGeneratorFrame";
    public static final MethodRef AG_FRAME_INIT = new MethodRef(Opcodes.INVOKESPECIAL, AG_FRAME, "<init>", "()V",
            false);
    public static final MethodRef AG_CREATED = new MethodRef(Opcodes.INVOKEVIRTUAL, AG_FRAME, "created",
            "(Ljava/lang/Object;)Ldev/lasti/AsyncGenerator;", false);
    public static final MethodRef AG_YIELDED = new MethodRef(Opcodes.INVOKEVIRTUAL, AG_FRAME, "yielded",
            "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    public static final MethodRef AG_SUSPEND = new MethodRef(Opcodes.INVOKEVIRTUAL, AG_FRAME, "suspend",
            "(Ldev/lasti/Future;)Ljava/lang/Object;", false);
    public static final MethodRef AG_RECEIVED = new MethodRef(Opcodes.INVOKEVIRTUAL, AG_FRAME, "received",
            "()Ljava/lang/Object;", false);
    public static final MethodRef AG_AWAITED = new MethodRef(Opcodes.INVOKEVIRTUAL, AG_FRAME, "awaited",
            "()Ldev/lasti/Future;", false);
    public static final MethodRef GENERATOR_FRAME_INIT = new MethodRef(Opcodes.INVOKESPECIAL,
            "dev/lasti/internal/GeneratorFrame", "<init>", "()V", false);
    public static final MethodRef CREATED = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/GeneratorFrame",
            "created", "(Ljava/lang/Object;)Ldev/lasti/Generator;", false);
    public static final MethodRef YIELDED = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/GeneratorFrame",
            "yielded", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    public static final MethodRef DELEGATE = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/GeneratorFrame",
            "delegate", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    public static final MethodRef RECEIVED = new MethodRef(Opcodes.INVOKEVIRTUAL, "dev/lasti/internal/GeneratorFrame",
            "received", "()Ljava/lang/Object;", false);
    public static final MethodRef RESUMED = new MethodRef(Opcodes.INVOKESTATIC, "dev/lasti/internal/GeneratorFrame",
            "resumed", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
    /** The abstract method each frame class implements. */
    public static final String RESUME_NAME = "resume";
    public static final String RESUME_DESC = "()Ljava/lang/Object;";

    /** JDK methods the resume method's bad-index error uses. */
    public static final MethodRef STRING_VALUE_OF_INT = new MethodRef(Opcodes.INVOKESTATIC, "java/lang/String",
            "valueOf", "(I)Ljava/lang/String;", false);
    public static final MethodRef STRING_CONCAT = new MethodRef(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
            "(Ljava/lang/String;)Ljava/lang/String;", false);
    public static final MethodRef ISE_INIT = new MethodRef(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException",
            "<init>", "(Ljava/lang/String;)V", false);
}
