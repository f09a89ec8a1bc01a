package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Builds {@code static synthetic Object m$resume(Owner$m$Frame frame)}: a copy of the rewritten body behind a
 * dispatch on {@code resumePoint}.
 * <pre>
 *   ALOAD 0; ASTORE F                        (F: a slot above every original local)
 *   ALOAD F; GETFIELD resumePoint; TABLESWITCH 1..n
 *   L_case_k: ...restore live locals, push saved stack...
 *     ALOAD F; INVOKEVIRTUAL Frame.awaited()Future; GOTO L_await_k   (the done-check then passes)
 *   L_default: throw new IllegalStateException("bad resume point in Owner.m(..): " + resumePoint)
 *   ...copy of the body; each frame gets F...
 *   L_suspend_k: ASTORE fut; ...save into F...; ALOAD F; ALOAD fut; INVOKEVIRTUAL Frame.suspend; ARETURN
 * </pre>
 * No catch-all: the runtime catches what escapes a resumed body.
 */
final class ResumeMethod {
    private ResumeMethod() {}

    static MethodNode build(String owner, boolean ownerIsInterface, MethodNode original, FrameLayout layout,
                            Map<Integer, LabelNode> awaitLabels, Map<Integer, LabelNode> suspendLabels,
                            FrameKind kind) {
        // Not ACC_SYNTHETIC: the resume method holds the user's lines after the first suspension, and coverage
        // tools (JaCoCo) drop synthetic methods, so those lines would read as never run.
        int access = Opcodes.ACC_STATIC | (ownerIsInterface ? Opcodes.ACC_PUBLIC : 0);
        MethodNode resume = new MethodNode(access, layout.resumeName(), layout.resumeDescriptor(), null, null);
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode insn : original.instructions) {
            if (insn instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
        suspendLabels.forEach((k, label) -> labels.put(label, new LabelNode()));
        InsnList body = new InsnList();
        for (AbstractInsnNode insn : original.instructions) {
            body.add(insn.clone(labels));
        }
        InsnList code = resume.instructions;
        AbstractInsnNode bodyStart = body.getFirst();
        code.add(prologue(owner, original, layout, awaitLabels, labels, kind));
        code.add(body);
        addBodyStartFrame(owner, original, code, bodyStart);
        addFrameSlotToFrames(code, layout);
        ReturnInPlace.apply(code, layout.frameSlot());
        NextIterationAwaits.inResumeMethod(code, layout.frameSlot());
        for (FrameLayout.SitePlan plan : layout.sites()) {
            code.add(suspendBlock(layout, plan, labels.get(suspendLabels.get(plan.site().ordinal())), code, kind));
        }
        copyDebugAndHandlers(original, resume, labels);
        resume.maxLocals = layout.frameSlot() + 2;
        return resume;
    }

    /** Saves into the existing frame (no allocation) and returns {@code frame.suspend(future)}. */
    private static InsnList suspendBlock(FrameLayout layout, FrameLayout.SitePlan plan, LabelNode label,
                                         InsnList code, FrameKind kind) {
        int futureSlot = layout.frameSlot() + 1;
        InsnList out = new InsnList();
        out.add(label);
        out.add(DebugLines.suspendBlock(plan.site(), label));
        out.add(FrameNodes.frame(withFrame(plan.frameLocals(), layout), plan.frameStack(), code));
        // stack: s0 .. sn-1, Future
        out.add(new VarInsnNode(Opcodes.ASTORE, futureSlot));
        out.add(SaveRestore.save(layout, plan, layout.frameSlot()));
        // stack: (empty)
        out.add(new VarInsnNode(Opcodes.ALOAD, layout.frameSlot()));
        out.add(new VarInsnNode(Opcodes.ALOAD, futureSlot));
        out.add(kind.suspend(plan.site()).insn());
        // stack: SUSPENDED
        out.add(new InsnNode(Opcodes.ARETURN));
        return out;
    }

    /** The user's handlers and local variable names, on the copied labels, so a debugger shows the locals. */
    private static void copyDebugAndHandlers(MethodNode original, MethodNode resume, Map<LabelNode, LabelNode> labels) {
        for (TryCatchBlockNode block : original.tryCatchBlocks) {
            resume.tryCatchBlocks.add(new TryCatchBlockNode(labels.get(block.start), labels.get(block.end),
                    labels.get(block.handler), block.type));
        }
        if (original.localVariables != null) {
            resume.localVariables = new ArrayList<>();
            for (LocalVariableNode local : original.localVariables) {
                resume.localVariables.add(new LocalVariableNode(local.name, local.desc, local.signature,
                        labels.get(local.start), labels.get(local.end), local.index));
            }
        }
    }

    private static InsnList prologue(String owner, MethodNode original, FrameLayout layout,
                                     Map<Integer, LabelNode> awaitLabels, Map<LabelNode, LabelNode> labels,
                                     FrameKind kind) {
        int frameSlot = layout.frameSlot();
        List<SlotType> entryLocals = FrameNodes.padded(List.of(), frameSlot + 1);
        SlotType frameType = new SlotType.Ref(Type.getObjectType(layout.frameClass()));
        entryLocals.set(0, frameType);
        entryLocals.set(frameSlot, frameType);
        InsnList out = new InsnList();
        out.add(new VarInsnNode(Opcodes.ALOAD, 0));
        out.add(new VarInsnNode(Opcodes.ASTORE, frameSlot));
        out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        out.add(SaveRestore.resumePoint(Opcodes.GETFIELD, layout));
        LabelNode dflt = new LabelNode();
        LabelNode[] cases = new LabelNode[layout.sites().size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new LabelNode();
        }
        out.add(new TableSwitchInsnNode(1, cases.length, dflt, cases));
        for (FrameLayout.SitePlan plan : layout.sites()) {
            LabelNode caseLabel = cases[plan.site().ordinal() - 1];
            out.add(caseLabel);
            out.add(FrameNodes.frame(entryLocals, List.of(), out));
            if (plan.site().line() > 0) {
                out.add(new LineNumberNode(plan.site().line(), caseLabel));
            }
            out.add(SaveRestore.restore(layout, plan, frameSlot));
            // stack: s0 .. sn-1
            out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
            out.add(kind.received(plan.site()).insn());
            // stack: s0 .. sn-1, Future (done, or failed with CancellationException)
            out.add(new JumpInsnNode(Opcodes.GOTO, labels.get(awaitLabels.get(plan.site().ordinal()))));
        }
        out.add(dflt);
        out.add(FrameNodes.frame(entryLocals, List.of(), out));
        out.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalStateException"));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new LdcInsnNode("bad resume point in " + Names.display(owner, original) + ": "));
        out.add(new VarInsnNode(Opcodes.ALOAD, frameSlot));
        out.add(SaveRestore.resumePoint(Opcodes.GETFIELD, layout));
        out.add(RuntimeNames.STRING_VALUE_OF_INT.insn());
        out.add(RuntimeNames.STRING_CONCAT.insn());
        out.add(RuntimeNames.ISE_INIT.insn());
        out.add(new InsnNode(Opcodes.ATHROW));
        return out;
    }

    /** The body's first instruction follows a throw: it needs a frame; the method's entry state fits it. */
    private static void addBodyStartFrame(String owner, MethodNode original, InsnList code,
                                          AbstractInsnNode bodyStart) {
        AbstractInsnNode insn = bodyStart;
        while (insn != null && insn.getOpcode() < 0) {
            if (insn instanceof FrameNode) {
                return;
            }
            insn = insn.getNext();
        }
        if (insn == null) {
            return;
        }
        var entry = TypeAnalysis.initial(owner, original);
        List<SlotType> locals = new ArrayList<>();
        for (int i = 0; i < entry.getLocals(); i++) {
            locals.add(entry.getLocal(i));
        }
        code.insertBefore(insn, FrameNodes.frame(locals, List.of(), code));
    }

    private static void addFrameSlotToFrames(InsnList code, FrameLayout layout) {
        for (AbstractInsnNode insn : code.toArray()) {
            if (insn instanceof FrameNode node) {
                List<SlotType> slots = FrameNodes.slots(node.local);
                if (slots.size() > layout.frameSlot()) {
                    continue; // the prologue's own frames
                }
                List<SlotType> stack = new ArrayList<>();
                for (Object entry : node.stack) {
                    stack.add(SlotType.fromFrameEntry(entry, l -> FrameNodes.newAfter((LabelNode) l)));
                }
                FrameNode extended = FrameNodes.frame(withFrame(slots, layout), stack, code);
                node.local = extended.local;
                node.stack = extended.stack;
            }
        }
    }

    private static List<SlotType> withFrame(List<SlotType> locals, FrameLayout layout) {
        List<SlotType> out = FrameNodes.padded(locals, layout.frameSlot() + 1);
        out.set(layout.frameSlot(), new SlotType.Ref(Type.getObjectType(layout.frameClass())));
        return out;
    }
}
