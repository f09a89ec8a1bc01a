package dev.lasti.transformer.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds the frame classes an earlier run wrote for an owner that no longer needs them: its {@code @Async}
 * method was renamed or removed, so javac rewrote the owner but left the old {@code Owner$m$Frame.class}
 * behind. Left there, it would end up in the jar, calling a resume method that no longer exists.
 *
 * <p>A file counts as the owner's frame only if its {@code @FrameInfo} names that owner: {@code
 * Owner$Inner$m$Frame.class} matches the file-name pattern of {@code Owner} too, but belongs to {@code
 * Owner$Inner}.
 */
final class StaleFrames {
    private static final String FRAME_INFO = "Ldev/lasti/internal/FrameInfo;";

    private StaleFrames() {}

    /**
     * The files among {@code frameFiles} that are frame classes of {@code owner} (internal name), sit next
     * to {@code ownerFile}, and are not in {@code keep} (the owner's frame classes now, internal names).
     *
     * @param frameFiles every {@code *$Frame.class} file of the run, so that owners without any cost no I/O
     */
    static List<Path> find(Path ownerFile, String owner, Set<String> keep, List<Path> frameFiles)
            throws IOException {
        String prefix = ownerFile.getFileName().toString().replace(".class", "") + "$";
        String ownerDotted = owner.replace('/', '.');
        String packagePrefix = owner.substring(0, owner.lastIndexOf('/') + 1);
        List<Path> stale = new ArrayList<>();
        for (Path candidate : frameFiles) {
            String file = candidate.getFileName().toString();
            if (!candidate.getParent().equals(ownerFile.getParent()) || !file.startsWith(prefix)) {
                continue;
            }
            String name = packagePrefix + file.substring(0, file.length() - ".class".length());
            if (!keep.contains(name) && Files.exists(candidate)
                    && ownerDotted.equals(frameOwner(Files.readAllBytes(candidate)))) {
                stale.add(candidate);
            }
        }
        return stale;
    }

    /** Returns {@code true} for file names a frame class can have. */
    static boolean looksLikeFrame(Path file) {
        return file.getFileName().toString().endsWith("$Frame.class");
    }

    /** The {@code owner} element of the class's {@code @FrameInfo}, or {@code null} if it has none. */
    private static String frameOwner(byte[] classBytes) {
        String[] owner = new String[1];
        new ClassReader(classBytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (!descriptor.equals(FRAME_INFO)) {
                    return null;
                }
                return new AnnotationVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(String name, Object value) {
                        if (name.equals("owner")) {
                            owner[0] = (String) value;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return owner[0];
    }
}
