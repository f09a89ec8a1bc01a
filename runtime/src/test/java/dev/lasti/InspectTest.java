package dev.lasti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ps PID} and {@code pstree PID} against child JVMs, run as a user runs them: a separate JVM. */
class InspectTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASSES = "target/classes";

    private record Result(int exit, String out) {}

    private static Process child(String mode) throws IOException {
        Process p = new ProcessBuilder(JAVA, "-cp", CLASSES + java.io.File.pathSeparator + "target/test-classes",
                "dev.lasti.handwritten.InspectChild", mode).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.equals("ready")) {
            // skip whatever the child prints before it is ready
        }
        return p;
    }

    private static Result tool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(JAVA, "-cp", CLASSES, "dev.lasti.Inspect"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void psAndPstree_listTheTasksOfAChildJvmsLoop() throws Exception {
        Process child = child("loop");
        try {
            Result ps = tool("ps", Long.toString(child.pid()));
            assertEquals(0, ps.exit(), ps.out());
            assertTrue(ps.out().contains("event loop main: 1 task(s)"), ps.out());
            assertTrue(ps.out().contains("#1 Chain$link$Frame.? (Unknown Source)  waits for a promise"), ps.out());
            Result tree = tool("pstree", Long.toString(child.pid()));
            assertEquals(0, tree.exit(), tree.out());
            assertTrue(tree.out().contains("└── #1 Chain$link$Frame"), tree.out());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aJvmWithoutALoop_saysSo() throws Exception {
        Process child = child("idle");
        try {
            Result ps = tool("ps", Long.toString(child.pid()));
            assertEquals(1, ps.exit(), ps.out());
            assertTrue(ps.out().contains("runs no lasti event loop"), ps.out());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatIsNotAJvm_orNoProcessAtAll_saysSo() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            Result notJvm = tool("ps", Long.toString(sleep.pid()));
            assertEquals(2, notJvm.exit(), notJvm.out());
            assertTrue(notJvm.out().contains("cannot attach to process " + sleep.pid()), notJvm.out());
        } finally {
            sleep.destroyForcibly().waitFor();
        }
        Result none = tool("ps", Long.toString(sleep.pid()));
        assertEquals(2, none.exit(), none.out());
        assertTrue(none.out().contains("no process with id"), none.out());
        assertEquals(64, tool("top").exit());
    }
}
