package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * The runtime's hand-written frames ({@code runtime/src/test/java/dev/lasti/handwritten}) are the reference
 * for what the transformer emits. For each, this compiles the user code in its class comment, transforms it,
 * and compares the shape with the hand-written class: the frame class's fields and format stamp, and which
 * runtime calls the original and the resumed code make (the catch-all's {@code Future.failed}, {@code
 * returnValue}, {@code start}/{@code suspend}/{@code awaited}). A change to either side that the other does
 * not follow fails here.
 */
class HandwrittenDriftTest {
    private static final Path DIR = Path.of("../runtime/src/test/java/dev/lasti/handwritten");
    private static final String PKG = "dev/lasti/handwritten/";
    private static final String IMPORTS = """
            package dev.lasti.handwritten;
            import static dev.lasti.Await.await;
            import dev.lasti.*;
            import java.time.Duration;
            import java.util.*;
            import java.util.concurrent.CompletionStage;
            """;
    private static final Map<String, byte[]> HANDWRITTEN = compileHandwritten();

    @ParameterizedTest
    @ValueSource(strings = {"Chain", "Cleanup", "Failing", "Relay", "SlowSum", "Where"})
    void theHandWrittenFrameHasTheShapeTheTransformerEmits(String fixture) throws IOException {
        String source = Files.readString(DIR.resolve(fixture + ".java"));
        String user = IMPORTS + "final class " + fixture + " {\n" + userCode(source) + "\n}\n";
        byte[] compiled = InMemoryCompiler.compile(Map.of("dev.lasti.handwritten." + fixture, user))
                .get(PKG + fixture);
        TransformResult.Transformed emitted = assertInstanceOf(TransformResult.Transformed.class,
                ClassTransformer.create().transform(compiled, fixture + ".class"));
        assertEquals(1, emitted.frameClasses().size(), fixture);
        String frameName = emitted.frameClasses().keySet().iterator().next();
        ClassNode emittedFrame = read(emitted.frameClasses().get(frameName));
        ClassNode handFrame = read(HANDWRITTEN.get(frameName));
        assertEquals(fields(emittedFrame), fields(handFrame), fixture + ": the frame class's fields");
        assertEquals(formatStamp(emittedFrame), formatStamp(handFrame), fixture + ": the format in <clinit>");
        assertTrue((handFrame.access & Opcodes.ACC_FINAL) != 0, fixture + ": frame classes are final");

        ClassNode emittedOwner = read(emitted.classBytes());
        ClassNode handOwner = read(HANDWRITTEN.get(PKG + fixture));
        String method = frameName.substring(PKG.length() + fixture.length() + 1,
                frameName.length() - "$Frame".length());
        assertEquals(runtimeCalls(emittedOwner, m -> m.name.equals(method)),
                runtimeCalls(handOwner, m -> m.name.equals(method)), fixture + ": calls of the original method");
        assertEquals(runtimeCalls(emittedOwner, m -> m.name.equals(method + "$resume")),
                runtimeCalls(handOwner, m -> !m.name.equals(method) && !m.name.startsWith("<")),
                fixture + ": calls of the resumed code");
    }

    /** The code between {@code <pre>{@code} and its end in the class comment, without the comment stars. */
    private static String userCode(String source) {
        int start = source.indexOf("<pre>{@code");
        int end = source.indexOf("}</pre>", start);
        return source.substring(source.indexOf('\n', start) + 1, end).lines()
                .map(l -> l.replaceFirst("^ \\* ?", ""))
                .filter(l -> !l.startsWith("// What the user writes"))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, byte[]> compileHandwritten() {
        Map<String, String> sources = new TreeMap<>();
        for (String name : List.of("Chain", "Cleanup", "Contract", "Failing", "Relay", "SlowSum", "Where")) {
            try {
                sources.put("dev.lasti.handwritten." + name, Files.readString(DIR.resolve(name + ".java")));
            } catch (IOException e) {
                throw new AssertionError("the hand-written frames are read from " + DIR.toAbsolutePath(), e);
            }
        }
        return InMemoryCompiler.compile(sources);
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG);
        return node;
    }

    /** Instance fields, name and descriptor and whether package-private; statics are test instrumentation. */
    private static Set<String> fields(ClassNode frame) {
        Set<String> out = new TreeSet<>();
        for (FieldNode f : frame.fields) {
            if ((f.access & Opcodes.ACC_STATIC) == 0) {
                boolean packagePrivate = (f.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED
                        | Opcodes.ACC_PRIVATE)) == 0;
                out.add(f.desc + " " + f.name + (packagePrivate ? "" : " (not package-private)"));
            }
        }
        return out;
    }

    /** The int constant {@code <clinit>} passes to {@code Frame.checkFormat}. */
    private static int formatStamp(ClassNode frame) {
        for (MethodNode m : frame.methods) {
            if (!m.name.equals("<clinit>")) {
                continue;
            }
            Integer last = null;
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer i) {
                    last = i;
                } else if (insn instanceof IntInsnNode push) {
                    last = push.operand;
                } else if (insn instanceof InsnNode c && c.getOpcode() >= Opcodes.ICONST_M1
                        && c.getOpcode() <= Opcodes.ICONST_5) {
                    last = c.getOpcode() - Opcodes.ICONST_0;
                } else if (insn instanceof MethodInsnNode call && call.name.equals("checkFormat") && last != null) {
                    return last;
                }
            }
        }
        throw new AssertionError(frame.name + " has no static initializer that calls Frame.checkFormat");
    }

    /**
     * The runtime methods (name and descriptor; javac names the receiver's static type as owner, so the owner
     * is left out) that the selected methods can call, with {@code Future.failed} marking the catch-all. Only
     * reachable code counts: the resume method's copy of the body keeps the code before the first await, dead
     * there, which Java source cannot express.
     */
    private static Set<String> runtimeCalls(ClassNode owner, java.util.function.Predicate<MethodNode> which) {
        Set<String> out = new TreeSet<>();
        List<MethodNode> selected = new ArrayList<>();
        for (MethodNode m : owner.methods) {
            if (which.test(m)) {
                selected.add(m);
            }
        }
        assertTrue(!selected.isEmpty(), owner.name);
        for (MethodNode m : selected) {
            for (AbstractInsnNode insn : reachable(m)) {
                if (insn instanceof MethodInsnNode call && call.owner.startsWith("dev/lasti/")
                        && !call.owner.equals(owner.name) && !call.name.equals("<init>")) {
                    out.add(call.name + call.desc);
                }
            }
        }
        return out;
    }

    /** The instructions reachable from the method's entry through fall-through, jumps, switches and handlers. */
    private static Set<AbstractInsnNode> reachable(MethodNode m) {
        Set<AbstractInsnNode> seen = new HashSet<>();
        Deque<AbstractInsnNode> work = new ArrayDeque<>();
        work.push(m.instructions.getFirst());
        while (!work.isEmpty()) {
            AbstractInsnNode insn = work.pop();
            if (insn == null || !seen.add(insn)) {
                continue;
            }
            int index = m.instructions.indexOf(insn);
            for (TryCatchBlockNode block : m.tryCatchBlocks) {
                if (m.instructions.indexOf(block.start) <= index && index < m.instructions.indexOf(block.end)) {
                    work.push(block.handler);
                }
            }
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode jump) {
                work.push(jump.label);
                if (op == Opcodes.GOTO) {
                    continue;
                }
            } else if (insn instanceof TableSwitchInsnNode table) {
                work.push(table.dflt);
                table.labels.forEach(work::push);
                continue;
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                work.push(lookup.dflt);
                lookup.labels.forEach(work::push);
                continue;
            } else if (op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
                continue;
            }
            work.push(insn.getNext());
        }
        return seen;
    }
}
