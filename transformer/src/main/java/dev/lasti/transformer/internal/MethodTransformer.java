package dev.lasti.transformer.internal;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/** Turns one async method into a state machine; the top method lists the passes in order. */
final class MethodTransformer {
    private MethodTransformer() {}

    /**
     * The output for one method.
     *
     * @param resume the new resume method, or null if the method never awaits
     * @param frameClass the frame class's bytes, or null if the method never awaits
     * @param frameClassName its internal name, or null
     */
    record Result(MethodNode resume, String frameClassName, byte[] frameClass) {}

    /**
     * Rewrites {@code method} in place and returns what to add next to it.
     *
     * @param names the frame class and resume method names, from {@link Names#plan}
     */
    static Result transform(ClassNode owner, MethodNode method, List<AwaitSite> sites, Names.Generated names)
            throws AnalyzerException, UninitializedNews.UnsupportedShape, TypeAnalysis.InvalidCode {
        return transform(owner, method, sites, names, FrameKind.ASYNC);
    }

    /** As above for either kind; a generator's sites start with its entry (see {@link GeneratorEntry}). */
    static Result transform(ClassNode owner, MethodNode method, List<AwaitSite> sites, Names.Generated names,
                            FrameKind kind)
            throws AnalyzerException, UninitializedNews.UnsupportedShape, TypeAnalysis.InvalidCode {
        Map<Integer, LabelNode> suspendLabels = new LinkedHashMap<>();
        if (sites.isEmpty()) {
            OriginalMethod.finish(method, null, suspendLabels);
            return new Result(null, null, null);
        }
        if (kind == FrameKind.ASYNC) {
            NextIterationAwaits.apply(sites);
        }
        Frame<SlotType>[] types = TypeAnalysis.runOnInput(owner.name, method);
        if (UninitializedNews.move(method, sites, types)) {
            types = TypeAnalysis.run(owner.name, method);
        }
        BitSet[] liveIn = Liveness.run(method);
        FrameLayout layout = FrameLayout.plan(method, names, sites, types, liveIn);
        AwaitRewriter.relaxFrames(method, liveIn);
        for (AwaitSite site : sites) {
            suspendLabels.put(site.ordinal(), new LabelNode());
        }
        Map<Integer, LabelNode> awaitLabels = new LinkedHashMap<>();
        AwaitRewriter.expand(method, layout.sites(), awaitLabels, suspendLabels);
        // the resume method copies the shared body before the original method gets its catch-all and
        // suspend blocks, which differ between the two
        boolean isInterface = (owner.access & Opcodes.ACC_INTERFACE) != 0;
        MethodNode resume = ResumeMethod.build(owner.name, isInterface, method, layout, awaitLabels, suspendLabels,
                kind);
        LocalVariables.split(resume, layout);
        if (kind.startsSuspended()) {
            GeneratorEntry.replaceOriginalBody(method, layout, kind);
        } else {
            OriginalMethod.finish(method, layout, suspendLabels);
            LocalVariables.coverSuspendBlocks(method);
        }
        byte[] frameBytes = FrameClass.write(owner.version, owner.name, isInterface, owner.sourceFile,
                method.name + method.desc, layout, kind);
        return new Result(resume, names.frameClass(), frameBytes);
    }
}
