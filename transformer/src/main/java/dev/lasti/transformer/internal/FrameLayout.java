package dev.lasti.transformer.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Plans what each await saves and where: one typed field of the frame class per saved value, named after
 * the slot ({@code this$0}, {@code local2$count}, {@code stack0}). Only live locals are saved; {@code null}
 * constants need no field.
 *
 * @param frameClass internal name of the frame class, e.g. {@code a/Orders$place$Frame}
 * @param resumeName name of the static resume method, e.g. {@code place$resume}
 * @param sites one plan per await, in ordinal order
 * @param fields the frame class's fields, name to descriptor, in first-use order
 * @param frameSlot the local slot that holds the frame in the resume method (above every original slot)
 */
record FrameLayout(String frameClass, String resumeName, List<SitePlan> sites, Map<String, String> fields,
                   int frameSlot) {

    /**
     * One value saved across an await.
     *
     * @param slot the local slot, or the stack index (0 = bottom) for stack values
     * @param type the value's verifier type
     * @param field the frame field holding it; {@code null} for a {@code null} constant
     */
    record Saved(int slot, SlotType type, String field) {
        /** The field's descriptor. */
        String descriptor() {
            return SlotType.storageType(type).getDescriptor();
        }
    }

    /**
     * What one await saves, and the stack map frame at its done-check and its suspend block.
     *
     * @param locals saved locals, ascending slots
     * @param stack saved stack values under the awaited future, bottom first
     * @param frameLocals per-slot types declared at the await (unsaved slots TOP)
     * @param frameStack stack declared at the await, the future on top
     */
    record SitePlan(AwaitSite site, List<Saved> locals, List<Saved> stack, List<SlotType> frameLocals,
                    List<SlotType> frameStack) {}

    /** The resume method's descriptor: {@code (LOwner$m$Frame;)Ljava/lang/Object;}. */
    String resumeDescriptor() {
        return new Names.Generated(frameClass, resumeName).resumeDescriptor();
    }

    static FrameLayout plan(MethodNode method, Names.Generated names, List<AwaitSite> sites,
                            Frame<SlotType>[] before, BitSet[] liveIn) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<SitePlan> plans = new ArrayList<>();
        InsnList code = method.instructions;
        for (AwaitSite site : sites) {
            int index = code.indexOf(site.call());
            Frame<SlotType> frame = before[index];
            if (frame == null) {
                throw new IllegalStateException("await #" + site.ordinal() + " is unreachable");
            }
            List<Saved> locals = new ArrayList<>();
            List<SlotType> frameLocals = new ArrayList<>();
            for (int slot = 0; slot < method.maxLocals; slot++) {
                SlotType type = frame.getLocal(slot);
                boolean saved = liveIn[index].get(slot)
                        && (type instanceof SlotType.Prim || type instanceof SlotType.Ref || type instanceof SlotType.Null);
                frameLocals.add(saved ? type : SlotType.TOP);
                if (saved) {
                    String field = type instanceof SlotType.Null ? null
                            : field(fields, localName(method, slot, index), type);
                    locals.add(new Saved(slot, type, field));
                }
            }
            for (int i = 0; i < frameLocals.size(); i++) {
                if (frameLocals.get(i).getSize() == 2 && i + 1 < frameLocals.size()) {
                    frameLocals.set(i + 1, SlotType.TOP);
                }
            }
            List<Saved> stack = new ArrayList<>();
            List<SlotType> frameStack = new ArrayList<>();
            for (int i = 0; i < frame.getStackSize() - 1; i++) {
                SlotType type = frame.getStack(i);
                if (!(type instanceof SlotType.Prim || type instanceof SlotType.Ref || type instanceof SlotType.Null)) {
                    throw new IllegalStateException("cannot save stack value " + type + " at await #"
                            + site.ordinal());
                }
                stack.add(new Saved(i, type, type instanceof SlotType.Null ? null : field(fields, "stack" + i, type)));
                frameStack.add(type);
            }
            // the awaited future, or at a yield the yielded value (and on resumption the value sent in)
            frameStack.add(new SlotType.Ref(site.isYield() ? RuntimeNames.OBJECT : RuntimeNames.FUTURE));
            requireDistinctFields(site, locals, stack);
            plans.add(new SitePlan(site, locals, stack, frameLocals, frameStack));
        }
        return new FrameLayout(names.frameClass(), names.resumeName(), plans, fields, method.maxLocals);
    }

    /** Two values saved at one await in one field would overwrite each other: an internal error, never silent. */
    private static void requireDistinctFields(AwaitSite site, List<Saved> locals, List<Saved> stack) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (List<Saved> values : List.of(locals, stack)) {
            for (Saved value : values) {
                if (value.field() != null && !used.add(value.field())) {
                    throw new GeneratedNames.Clash("frame field " + value.field() + " would hold two values at await #"
                            + site.ordinal());
                }
            }
        }
    }

    /** Reuses a field of the same name and type; a slot reused with another type gets a suffixed name. */
    private static String field(Map<String, String> fields, String base, SlotType type) {
        String descriptor = SlotType.storageType(type).getDescriptor();
        String name = base;
        for (int n = 2; fields.containsKey(name) && !fields.get(name).equals(descriptor); n++) {
            name = base + "$" + n;
        }
        fields.put(name, descriptor);
        return name;
    }

    private static String localName(MethodNode method, int slot, int index) {
        if (method.localVariables != null) {
            for (LocalVariableNode local : method.localVariables) {
                InsnList code = method.instructions;
                if (local.index == slot && code.indexOf(local.start) <= index && index < code.indexOf(local.end)) {
                    return local.name.equals("this") && slot == 0 ? "this$0" : "local" + slot + "$" + local.name;
                }
            }
        }
        return slot == 0 && (method.access & Opcodes.ACC_STATIC) == 0 ? "this$0" : "local" + slot;
    }

    /** The load or store opcode for a saved value's type ({@code base} is ILOAD or ISTORE). */
    static int opcode(SlotType type, int base) {
        Type t = SlotType.storageType(type);
        return t == null ? (base == Opcodes.ILOAD ? Opcodes.ALOAD : Opcodes.ASTORE) : t.getOpcode(base);
    }
}
