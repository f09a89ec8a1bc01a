package dev.lasti.transformer.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.transformer.ClassTransformer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(Supplier<ClassTransformer> transformers, String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), transformers);
    }

    private int cli(String... args) {
        return cli(FakeTransformer::new, args);
    }

    @Test
    void exitsWithTwo_onAnUnknownOption() {
        assertEquals(Cli.USAGE, cli("--frobnicate", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --frobnicate"));
    }

    @Test
    void exitsWithTwo_withoutAFolder() {
        assertEquals(Cli.USAGE, cli("--verbose"));
    }

    @Test
    void printsTheSummaryAndListsMethods_whenVerbose() throws Exception {
        Fixtures.writeClass(dir.resolve("classes"), "a/AsyncA");

        int code = cli("--verbose", dir.resolve("classes").toString());

        assertEquals(Cli.OK, code);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("lasti: transformed 1 class (1 method)"), printed);
        assertTrue(printed.contains("transformed a.AsyncA.run (frame a/AsyncA$run$Frame)"), printed);
    }

    @Test
    void printsErrorsInJavacFormAgainstTheSourcepath_andExitsWithOne() throws Exception {
        Fixtures.writeClass(dir.resolve("classes"), "a/BrokenA");
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("a"));
        Files.writeString(src.resolve("a/BrokenA.java"), "class BrokenA {}");

        int code = cli("--sourcepath", src.toString(), dir.resolve("classes").toString());

        assertEquals(Cli.ERRORS, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                src.resolve("a/BrokenA.java") + ":42: error: await inside a synchronized block"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsAMissingTransformerAsAnError_notAStackTrace() throws Exception {
        Fixtures.writeClass(dir.resolve("classes"), "a/Plain");

        int code = cli(() -> {
            throw new UnsupportedOperationException("not implemented yet");
        }, dir.resolve("classes").toString());

        assertEquals(Cli.ERRORS, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lasti: internal error:"));
    }
}
