package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lasti.transformer.fixtures.Stacks;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import dev.lasti.transformer.walkthrough.Orders;
import dev.lasti.transformer.walkthrough.Squares;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Golden snapshots of transformed code, normalised (no constant-pool indices). Run with
 * {@code -Dlasti.updateGolden=true} to rewrite them after an intended change; that run fails on purpose
 * ("snapshots rewritten, review the diff"), so only a run without it can pass. The walkthrough document embeds
 * its listings between markers, so it fails here when it no longer matches the transformer's output.
 * Snapshots are taken with JDK 17; JDK 25's javac emits the same code for these samples, and its javap
 * differs only in indentation, which the comparison ignores.
 */
class GoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("lasti.updateGolden");
    private static final Path DOC = Path.of("../docs/bytecode-walkthrough.md");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void walkthroughDocument_matchesTheTransformersOutput() throws IOException {
        byte[] original = TransformingClassLoader.compiled(Orders.class);
        TransformResult.Transformed t = assertInstanceOf(TransformResult.Transformed.class,
                ClassTransformer.create().transform(original, "Orders.class"));
        String doc = Files.readString(DOC);
        Map<String, String> sections = Map.of(
                "before", javap(original),
                "after", javap(t.classBytes()),
                "frame", javap(t.frameClasses().get("dev/lasti/transformer/walkthrough/Orders$fetch$Frame")));
        String updated = doc;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            updated = replaceSection(updated, section.getKey(), section.getValue());
        }
        if (UPDATE) {
            rewrite(DOC, updated);
        }
        // javap of newer JDKs indents deeper: compare the listings without their indentation
        assertEquals(unindented(updated), unindented(doc),
                "docs/bytecode-walkthrough.md is stale: rerun with -Dlasti.updateGolden=true");
    }

    @Test
    void generatorWalkthrough_matchesTheTransformersFrameClass() throws IOException {
        TransformResult.Transformed t = assertInstanceOf(TransformResult.Transformed.class,
                ClassTransformer.create().transform(TransformingClassLoader.compiled(Squares.class), "Squares.class"));
        String doc = Files.readString(DOC);
        String updated = replaceSection(doc, "generator-frame",
                javap(t.frameClasses().get("dev/lasti/transformer/walkthrough/Squares$squares$Frame")));
        if (UPDATE) {
            Files.writeString(DOC, updated);
            return;
        }
        assertEquals(unindented(updated), unindented(doc),
                "docs/bytecode-walkthrough.md is stale: rerun with -Dlasti.updateGolden=true");
    }

    @Test
    void newWithAwaitedArguments_matchesItsSnapshot() throws IOException {
        TransformResult.Transformed t = assertInstanceOf(TransformResult.Transformed.class,
                ClassTransformer.create().transform(TransformingClassLoader.compiled(Stacks.class), "Stacks.class"));
        String text = textify(t.classBytes(), "newWithAwaitedArguments");
        Path file = GOLDEN.resolve("Stacks.newWithAwaitedArguments.txt");
        if (UPDATE) {
            rewrite(file, text);
        }
        assertEquals(Files.readString(file), text, file + " is stale: rerun with -Dlasti.updateGolden=true");
    }

    /**
     * Update mode: writes {@code content} to {@code file}, then fails, so a run with
     * {@code -Dlasti.updateGolden=true} can never pass as if the snapshots had matched.
     */
    static void rewrite(Path file, String content) throws IOException {
        boolean changed = !Files.exists(file) || !Files.readString(file).equals(content);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content);
        fail("snapshots rewritten, review the diff: " + file + (changed ? " changed" : " was already current"));
    }

    private static String unindented(String text) {
        return text.lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }

    /** Textifier output of the methods whose name starts with {@code methodPrefix} (original and resume). */
    static String textify(byte[] classBytes, String methodPrefix) {
        Textifier text = new Textifier();
        new ClassReader(classBytes).accept(new TraceClassVisitor(null, text, null), 0);
        StringWriter out = new StringWriter();
        text.print(new PrintWriter(out));
        StringBuilder kept = new StringBuilder();
        boolean inMethod = false;
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("  //") || line.matches("  [^@ ].*\\(.*")) {
                inMethod = line.contains(" " + methodPrefix);
            }
            if (inMethod) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** {@code javap -p -c -l} of a class file, with constant-pool indices removed. */
    static String javap(byte[] classBytes) throws IOException {
        Path dir = Files.createTempDirectory("lasti-javap");
        Path file = dir.resolve("C.class");
        Files.write(file, classBytes);
        StringWriter out = new StringWriter();
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        javap.run(new PrintWriter(out), new PrintWriter(out), "-p", "-c", "-l", file.toString());
        Files.delete(file);
        Files.delete(dir);
        return out.toString().replace("\r", "")
                .replaceAll("#\\d+(:#\\d+)?(, *\\d+)?( +//)?", "#$3").replaceAll("# +//", "# //")
                .replaceAll("(?m)^Compiled from .*\n", "")
                .replaceAll("(?m)[ \\t]+$", "");
    }

    private static String replaceSection(String doc, String name, String content) {
        String start = "<!-- golden:" + name + " -->\n";
        String end = "<!-- /golden:" + name + " -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < 0) {
            throw new AssertionError("docs/bytecode-walkthrough.md lacks the markers for " + name);
        }
        return doc.substring(0, from + start.length()) + "```\n" + content + "```\n" + doc.substring(to);
    }

}
