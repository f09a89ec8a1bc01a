package dev.lasti.transformer.driver;

import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Refuses to let a generated frame class replace a class file lasti did not write. A user's class can be
 * called what a frame class is called; overwriting it would silently drop the user's code. A file counts as
 * lasti's only if it carries the frame marker ({@link FrameMarker}); a frame name produced twice in one run
 * is refused as well, since one frame would overwrite the other.
 */
final class FrameClash {
    private FrameClash() {}

    /**
     * The errors for the frame classes of {@code t} that must not be written; empty if all may be.
     *
     * @param root the classes folder the owner came from (frame classes go next to it)
     * @param ownerFile the owner's class file, still as javac wrote it
     * @param claimed every frame file this run has already decided to write; the frames of {@code t} are added
     *     when there is no clash
     */
    static List<Diagnostic> check(Path root, Path ownerFile, TransformResult.Transformed t, Set<Path> claimed)
            throws IOException {
        List<Diagnostic> errors = new ArrayList<>();
        ClassNode original = null;
        for (Map.Entry<String, byte[]> frame : t.frameClasses().entrySet()) {
            Path target = root.resolve(frame.getKey() + ".class");
            boolean twice = claimed.contains(target);
            if (!twice && (!Files.exists(target) || isLastis(target))) {
                continue;
            }
            original = original != null ? original : read(ownerFile);
            errors.add(clash(original, frame.getKey(), frame.getValue(), twice));
        }
        if (errors.isEmpty()) {
            t.frameClasses().keySet().forEach(name -> claimed.add(root.resolve(name + ".class")));
        }
        return errors;
    }

    private static boolean isLastis(Path file) throws IOException {
        return FrameMarker.read(Files.readAllBytes(file)) != null;
    }

    private static Diagnostic clash(ClassNode owner, String frameName, byte[] frameBytes, boolean twice) {
        FrameMarker.Info info = FrameMarker.read(frameBytes);
        String method = info != null && info.method() != null ? info.method() : "";
        String shown = owner.name.replace('/', '.') + "." + (method.contains("(")
                ? method.substring(0, method.indexOf('(')) : method);
        String dotted = frameName.replace('/', '.');
        if (twice) {
            return new Diagnostic(Diagnostic.Severity.ERROR, owner.name, owner.sourceFile, lineOf(owner, method),
                    "two generated frame classes are both called " + dotted + " (one is for @Async method "
                            + shown + "); one would overwrite the other",
                    "this is a lasti transformer bug; please report it. Renaming the method avoids it meanwhile");
        }
        return new Diagnostic(Diagnostic.Severity.ERROR, owner.name, owner.sourceFile, lineOf(owner, method),
                "the frame class lasti generates for @Async method " + shown + " is called " + dotted
                        + ", but " + frameName.substring(frameName.lastIndexOf('/') + 1)
                        + ".class already exists and lasti did not write it (a class of your own has that name)",
                "rename the class " + dotted + " or the method " + shown
                        + "; lasti never overwrites a class file it did not generate");
    }

    /** The first source line of {@code nameAndDesc}'s code in {@code owner}, or -1. */
    private static int lineOf(ClassNode owner, String nameAndDesc) {
        for (MethodNode m : owner.methods) {
            if ((m.name + m.desc).equals(nameAndDesc)) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof LineNumberNode line) {
                        return line.line;
                    }
                }
            }
        }
        return -1;
    }

    private static ClassNode read(Path classFile) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(Files.readAllBytes(classFile)).accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }
}
