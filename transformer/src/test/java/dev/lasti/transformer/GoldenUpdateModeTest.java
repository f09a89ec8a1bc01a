package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** {@link GoldenTest}'s update mode writes the snapshot and then fails, so it never passes as a check. */
class GoldenUpdateModeTest {
    @Test
    void rewrite_writesTheSnapshot_thenFailsWithReviewTheDiff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("x.txt");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> GoldenTest.rewrite(file, "new\n"));
        assertEquals("new\n", Files.readString(file));
        assertTrue(e.getMessage().startsWith("snapshots rewritten, review the diff: "), e.getMessage());
    }

    @Test
    void rewrite_failsEvenWhenTheSnapshotWasAlreadyCurrent(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "same\n");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> GoldenTest.rewrite(file, "same\n"));
        assertTrue(e.getMessage().contains("was already current"), e.getMessage());
    }
}
