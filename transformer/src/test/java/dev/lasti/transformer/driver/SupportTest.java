package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.driver.IncrementalState.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's small helpers: state file, atomic writes, source paths, method names. */
class SupportTest {
    @TempDir
    Path dir;

    @Test
    void stateFileRoundTrips_evenForPathsWithTabs() throws Exception {
        Path file = dir.resolve("we\tird/A.class");
        Fingerprint fp = new Fingerprint(12, 34, "abcd", IncrementalState.Kind.CLASS);
        Path frame = dir.resolve("we\tird/A$m$Frame.class");
        Fingerprint frameFp = new Fingerprint(5, 6, "ef01", IncrementalState.Kind.FRAME);

        IncrementalState.save(dir.resolve("s.state"), Map.of(file, fp, frame, frameFp));

        assertEquals(fp, IncrementalState.load(dir.resolve("s.state")).get(file));
        assertEquals(frameFp, IncrementalState.load(dir.resolve("s.state")).get(frame));
    }

    @Test
    void aCorruptStateFileCountsAsEmpty() throws Exception {
        Path state = dir.resolve("s.state");
        Files.writeString(state, "# lasti incremental state v2\n/x/A.class\tnot-a-number\t1\tff\tclass\n");

        assertNull(IncrementalState.load(state).get(Path.of("/x/A.class")));
    }

    @Test
    void atomicWriteReplacesTheWholeFile() throws Exception {
        Path target = dir.resolve("sub/A.class");
        AtomicFiles.write(target, new byte[] {1, 2, 3, 4});

        AtomicFiles.write(target, new byte[] {9});

        assertArrayEquals(new byte[] {9}, Files.readAllBytes(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void resolvesDiagnosticsAgainstTheSourceRoots_relativeToTheProject() throws Exception {
        Files.createDirectories(dir.resolve("src/main/java/a"));
        Files.writeString(dir.resolve("src/main/java/a/B.java"), "class B {}");
        SourcePaths sources = new SourcePaths(dir, List.of(Path.of("src/gen"), Path.of("src/main/java")));
        Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, "a/B$Inner", "B.java", 42, "bad", null);

        assertEquals(Path.of("src/main/java/a/B.java").toString() + ":42: error: bad", sources.format(d));
    }

    @Test
    void fallsBackToThePackagePath_whenNoSourceRootHasTheFile() {
        SourcePaths sources = new SourcePaths(dir, List.of(Path.of("src/main/java")));
        Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, "a/B", null, -1, "bad", null);

        assertEquals("a/B.java", sources.pathOf(d));
    }

    @Test
    void aStateFileOfTheOldFormatCountsAsEmpty() throws Exception {
        Path state = dir.resolve("s.state");
        Files.writeString(state, "# lasti incremental state v1\n/x/A.class\t1\t1\tff\n");

        assertNull(IncrementalState.load(state).get(Path.of("/x/A.class")));
    }
}
