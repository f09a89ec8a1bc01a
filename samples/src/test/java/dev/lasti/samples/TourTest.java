package dev.lasti.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The project's main command: {@code Main tour} in a fresh JVM, as {@code java -jar lasti-samples.jar tour}
 * runs it. Every seed row appears, nothing fails, and the exit code says so.
 */
class TourTest {
    @Test
    void tour_runsEverySeedRow_andNoneFails() throws Exception {
        Result tour = runMain("tour");
        assertEquals(0, tour.exitCode, tour.output);
        for (String label : java.util.List.of("G1", "G2", "G3", "G4", "G5")) {
            assertTrue(tour.output.lines().anyMatch(l -> l.matches("\\S+\\s+" + label + "\\s.*")),
                    "row " + label + " is missing:\n" + tour.output);
        }
        for (int row = 1; row <= 15; row++) {
            String label = "S" + row;
            assertTrue(tour.output.lines().anyMatch(l -> l.matches("\\S+\\s+" + label + "\\s.*")),
                    "row " + label + " is missing:\n" + tour.output);
        }
        assertFalse(tour.output.contains("FAILED"), tour.output);
        assertTrue(tour.output.contains(Sample.ALL.size() + " samples, 0 failed"), tour.output);
        assertTrue(tour.output.contains("2 requests, sequential: "), tour.output);
    }

    @Test
    void unknownSample_exitsWith2AndListsTheNames() throws Exception {
        Result unknown = runMain("no-such-sample");
        assertEquals(2, unknown.exitCode, unknown.output);
        assertTrue(unknown.output.contains("try one of: tour slow-server"), unknown.output);
    }

    @Test
    void everySeedRowHasExactlyOneSample() {
        for (String label : java.util.List.of("G1", "G2", "G3", "G4", "G5")) {
            assertEquals(1, Sample.ALL.stream().filter(s -> s.row().equals(label)).count(), label);
        }
        for (int row = 1; row <= 15; row++) {
            String label = "S" + row;
            assertEquals(1, Sample.ALL.stream().filter(s -> s.row().equals(label)).count(), label);
        }
    }

    @Test
    void select_findsOneSampleByName_orAllForTour() {
        assertEquals(List.of("fetch"), Main.select("fetch").stream().map(Sample::name).toList());
        assertEquals(Sample.ALL, Main.select("tour"));
        assertTrue(Main.select("nope").isEmpty());
    }

    private record Result(int exitCode, String output) {}

    /** Runs {@link Main} in a child JVM on this test's classpath (the transformed classes). */
    private static Result runMain(String arg) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), arg).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the tour did not finish:\n" + output);
        return new Result(process.exitValue(), output);
    }
}
