package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.TransformResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryDriverTest {
    @TempDir
    Path root;

    @TempDir
    Path stateDir;

    private final FakeTransformer fake = new FakeTransformer();

    private DriverSummary run(DriverOptions options) throws DriverException {
        return new DirectoryDriver(fake, options).run(List.of(root));
    }

    private DriverSummary run() throws DriverException {
        return run(DriverOptions.defaults());
    }

    @Test
    void rewritesAsyncClasses_andWritesEachFrameClassNextToItsOwner() throws Exception {
        Path owner = Fixtures.writeClass(root, "a/b/AsyncOrders");
        byte[] before = Files.readAllBytes(owner);

        DriverSummary summary = run();

        assertEquals(1, summary.transformed());
        assertEquals(1, summary.frameClassesWritten());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(owner)));
        assertTrue(Files.isRegularFile(root.resolve("a/b/AsyncOrders$run$Frame.class")));
        assertEquals("a.b.AsyncOrders.run", summary.methods().get(0).toString());
    }

    @Test
    void leavesClassesWithoutAsyncByteForByteAndUntouched() throws Exception {
        Path plain = Fixtures.writeClass(root, "a/Plain");
        byte[] before = Files.readAllBytes(plain);
        FileTime mtime = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(plain, mtime);

        DriverSummary summary = run();

        assertEquals(1, summary.unchanged());
        assertArrayEquals(before, Files.readAllBytes(plain));
        assertEquals(mtime, Files.getLastModifiedTime(plain));
    }

    @Test
    void countsMarkedClassesAsAlreadyTransformed_onASecondRunWithoutState() throws Exception {
        Fixtures.writeClass(root, "a/AsyncA");
        run();

        DriverSummary second = run();

        assertEquals(0, second.transformed());
        assertEquals(1, second.alreadyTransformed());
        assertEquals(0, second.unchanged(), "the frame class is lasti's, not a class without @Async");
        assertEquals(1, second.frameClassesFound());
        assertEquals("transformed 0 classes, 1 already transformed, 0 without @Async, in 0 ms",
                second.describe().replaceAll("in \\d+ ms", "in 0 ms"));
    }

    @Test
    void reportsEveryDiagnosticSorted_andLeavesFailedClassesAsTheyWere() throws Exception {
        Path z = Fixtures.writeClass(root, "z/BrokenZ");
        Fixtures.writeClass(root, "a/BrokenA");
        Fixtures.writeClass(root, "a/AsyncOk");
        byte[] before = Files.readAllBytes(z);

        DriverSummary summary = run();

        assertTrue(summary.hasErrors());
        assertEquals(2, summary.failed());
        assertEquals(List.of("a/BrokenA", "z/BrokenZ"),
                summary.diagnostics().stream().map(Diagnostic::className).toList());
        assertArrayEquals(before, Files.readAllBytes(z));
        assertEquals(1, summary.transformed(), "good classes are still written");
    }

    @Test
    void doesNoWorkOnAnUnchangedRebuild_andSaysAllClassesAreUpToDate() throws Exception {
        Fixtures.writeClass(root, "a/AsyncA");
        Fixtures.writeClass(root, "a/Plain");
        DriverOptions options = DriverOptions.defaults().withStateFile(stateDir.resolve("transform.state"));
        run(options);
        int callsAfterFirstRun = fake.calls.get();

        DriverSummary second = run(options);

        assertEquals(callsAfterFirstRun, fake.calls.get(), "no class is read by the transformer again");
        assertEquals(2, second.upToDate(), "AsyncA and Plain; the frame class is not counted as a class");
        assertEquals(1, second.frameClassesFound());
        assertEquals("nothing to transform, all 2 classes up to date", second.describe());
    }

    @Test
    void transformsOnlyTheRecompiledClass_whenOneClassChanges() throws Exception {
        Fixtures.writeClass(root, "a/AsyncA");
        Fixtures.writeClass(root, "a/Plain");
        DriverOptions options = DriverOptions.defaults().withStateFile(stateDir.resolve("t.state"));
        run(options);
        Fixtures.writeClass(root, "a/AsyncA"); // javac wrote it again, untransformed
        fake.calls.set(0);

        DriverSummary second = run(options);

        assertEquals(1, fake.calls.get());
        assertEquals(1, second.transformed());
        assertEquals(1, second.upToDate(), "Plain; the old frame class is replaced, not counted up to date");
        assertEquals("transformed 1 class (1 method), 0 already transformed, 0 without @Async, 1 up to date,"
                + " in 0 ms", second.describe().replaceAll("in \\d+ ms", "in 0 ms"));
    }

    @Test
    void treatsATouchedButIdenticalFileAsUpToDate() throws Exception {
        Path plain = Fixtures.writeClass(root, "a/Plain");
        DriverOptions options = DriverOptions.defaults().withStateFile(stateDir.resolve("t.state"));
        run(options);
        Files.setLastModifiedTime(plain, FileTime.fromMillis(Files.getLastModifiedTime(plain).toMillis() + 5000));

        DriverSummary second = run(options);

        assertEquals(1, second.upToDate());
    }

    @Test
    void reportsAFailedClassAgainOnTheNextRun_evenWithAStateFile() throws Exception {
        Fixtures.writeClass(root, "a/BrokenA");
        DriverOptions options = DriverOptions.defaults().withStateFile(stateDir.resolve("t.state"));
        run(options);

        DriverSummary second = run(options);

        assertEquals(1, second.failed());
        assertEquals(1, second.diagnostics().size());
    }

    @Test
    void treatsAMissingClassesFolderAsEmpty() throws Exception {
        DriverSummary summary = new DirectoryDriver(fake, DriverOptions.defaults())
                .run(List.of(root.resolve("does-not-exist")));

        assertEquals(0, summary.total());
        assertEquals("nothing to transform, no class files found", summary.describe());
    }

    @Test
    void rejectsOutputThatFailsVerification_andWritesNothingOfThatClass() throws Exception {
        Path bad = Fixtures.writeClass(root, "a/BadA");
        byte[] before = Files.readAllBytes(bad);

        DriverSummary summary = run(DriverOptions.defaults().withVerification(DriverOptions.Verification.ON));

        assertEquals(1, summary.failed());
        assertTrue(summary.diagnostics().get(0).message().contains("fails bytecode verification"),
                summary.diagnostics().toString());
        assertArrayEquals(before, Files.readAllBytes(bad));
        assertFalse(Files.exists(root.resolve("a/BadA$run$Frame.class")));
    }

    @Test
    void writesVerifiedOutput_whenVerificationIsOn() throws Exception {
        Fixtures.writeClass(root, "a/AsyncA");

        DriverSummary summary = run(DriverOptions.defaults().withVerification(DriverOptions.Verification.ON));

        assertFalse(summary.hasErrors(), summary.diagnostics().toString());
        assertEquals(1, summary.transformed());
    }

    @Test
    void turnsATransformerCrashIntoADriverExceptionNamingTheFile() throws Exception {
        Path file = Fixtures.writeClass(root, "a/Plain");
        ClassTransformer crashing = (bytes, origin) -> {
            throw new IllegalStateException("boom");
        };

        DriverException e = assertThrows(DriverException.class,
                () -> new DirectoryDriver(crashing, DriverOptions.defaults()).run(List.of(root)));

        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("Plain.class") && e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void givesTheSameSummaryWhateverTheThreadCount() throws Exception {
        for (int i = 0; i < 60; i++) {
            Fixtures.writeClass(root, "p/" + (i % 3 == 0 ? "Broken" : i % 3 == 1 ? "Async" : "Plain") + i);
        }
        Path copy = stateDir.resolve("copy");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(root.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }

        DriverSummary serial = new DirectoryDriver(fake, DriverOptions.defaults().withParallelism(1))
                .run(List.of(root));
        DriverSummary parallel = new DirectoryDriver(fake, DriverOptions.defaults().withParallelism(4))
                .run(List.of(copy));

        assertEquals(serial.diagnostics(), parallel.diagnostics());
        assertEquals(serial.methods(), parallel.methods());
        assertEquals(serial.describe().replaceAll("in \\d+ ms", ""),
                parallel.describe().replaceAll("in \\d+ ms", ""));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        Fixtures.writeClass(root, "a/AsyncA");

        run(DriverOptions.defaults().withStateFile(root.resolve("t.state")));

        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void passesTheFilePathAsOrigin() throws IOException, DriverException {
        Path file = Fixtures.writeClass(root, "a/Plain");
        String[] seen = new String[1];
        new DirectoryDriver((bytes, origin) -> {
            seen[0] = origin;
            return new TransformResult.Unchanged(List.of());
        }, DriverOptions.defaults()).run(List.of(root));

        assertEquals(file.toString(), seen[0]);
    }
}
