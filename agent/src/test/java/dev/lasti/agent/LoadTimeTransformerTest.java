package dev.lasti.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.agent.fixture.Greeter;
import dev.lasti.agent.fixture.Misused;
import dev.lasti.agent.fixture.Plain;
import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hook's decisions, driven through {@link HookedLoader} in this JVM. */
class LoadTimeTransformerTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> defined = new ArrayList<>();

    private LoadTimeTransformer hook(FrameDefiner definer) {
        return new LoadTimeTransformer(ClassTransformer.create(), definer,
                new Reporter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
    }

    private LoadTimeTransformer hook() {
        return hook((loader, name, bytes, domain) -> {
            defined.add(name);
            ((HookedLoader) loader).define(name, bytes);
        });
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rewritesAsyncMethodsAndLambdasAndDefinesTheirFramesBesideTheOwner() throws Exception {
        HookedLoader loader = new HookedLoader(hook());
        Class<?> greeter = loader.loadClass(Greeter.class.getName());

        assertEquals("Hello, WORLD / 42", greeter.getMethod("run").invoke(null));
        assertEquals(3, defined.size(), "greet, upper and the lambda each get a frame: " + defined);
        assertTrue(defined.stream().anyMatch(n -> n.contains("$lambda$")), defined.toString());
        for (String name : defined) {
            Class<?> frame = Class.forName(name, false, loader);
            assertSame(loader, frame.getClassLoader(), name);
            assertSame(greeter.getPackage(), frame.getPackage(), name);
        }
        assertTrue(stderr().contains("lasti agent: rewrote " + Greeter.class.getName() + " (3 frame classes)"),
                stderr());
    }

    @Test
    void misuseIsReportedInJavacFormAndTheClassRefusesToInitialize() throws Exception {
        HookedLoader loader = new HookedLoader(hook());
        Class<?> misused = loader.loadClass(Misused.class.getName()); // loads, does not initialize
        String expected = "dev/lasti/agent/fixture/Misused.java:" + misuseLine() + ": error: await inside a"
                + " synchronized block";

        // Reflection initializes the class before the call, so the initializer's error comes out unwrapped.
        LinkageError first = assertThrows(LinkageError.class, () -> misused.getMethod("run").invoke(null));
        assertSame(LinkageError.class, first.getClass());
        assertTrue(first.getMessage().startsWith(expected), first.getMessage());
        assertTrue(stderr().contains(expected), stderr());
        assertTrue(stderr().contains("lasti agent: " + Misused.class.getName()
                + " is not rewritten and will not initialize (its first use throws LinkageError): the errors above"),
                stderr());
        assertTrue(defined.isEmpty(), "no frame of a refused class is defined: " + defined);

        NoClassDefFoundError second = assertThrows(NoClassDefFoundError.class,
                () -> misused.getMethod("run").invoke(null));
        assertTrue(second.getMessage().contains("Could not initialize class"), second.getMessage());
    }

    @Test
    void aFrameTheJvmRefusesKeepsItsOwnerFromRunning() throws Exception {
        HookedLoader loader = new HookedLoader(hook((l, name, bytes, domain) -> {
            throw new FrameDefiner.FrameDefinitionException("cannot define " + name + ": refused in a test", null);
        }));
        Class<?> greeter = loader.loadClass(Greeter.class.getName());

        LinkageError e = assertThrows(LinkageError.class, () -> greeter.getMethod("run").invoke(null));
        assertTrue(e.getMessage().contains("refused in a test"), e.getMessage());
    }

    @Test
    void aClassTransformedAtBuildTimePassesUnchangedAndGetsNoSecondFrames() throws Exception {
        byte[] original = HookedLoader.read(Greeter.class.getName());
        TransformResult.Transformed prebuilt = (TransformResult.Transformed) ClassTransformer.create()
                .transform(original, "Greeter.class");

        assertNull(hook().transform(new HookedLoader(hook()), internal(Greeter.class), null, null,
                prebuilt.classBytes()));
        assertTrue(defined.isEmpty(), defined.toString());
        assertTrue(stderr().contains("was transformed at build time"), stderr());
    }

    @Test
    void aClassWithoutLastiIsHandedBackUntouched() throws Exception {
        byte[] plain = HookedLoader.read(Plain.class.getName());
        assertNull(hook().transform(new HookedLoader(hook()), internal(Plain.class), null, null, plain));
        assertEquals("", stderr());
    }

    @Test
    void jdkLoadersHiddenClassesAndRedefinitionsAreLeftAlone() throws Exception {
        byte[] greeter = HookedLoader.read(Greeter.class.getName());
        HookedLoader loader = new HookedLoader(hook());
        assertNull(hook().transform(null, internal(Greeter.class), null, null, greeter));
        assertNull(hook().transform(ClassLoader.getPlatformClassLoader(), internal(Greeter.class), null, null,
                greeter));
        assertNull(hook().transform(loader, null, null, null, greeter));
        assertNull(hook().transform(loader, internal(Greeter.class), Greeter.class, null, greeter));
        assertTrue(defined.isEmpty(), defined.toString());
    }

    @Test
    void classesLoadedWhileTheHookRunsOnTheSameThreadAreNotTransformed() throws Exception {
        byte[] greeter = HookedLoader.read(Greeter.class.getName());
        List<byte[]> nested = new ArrayList<>();
        LoadTimeTransformer[] self = new LoadTimeTransformer[1];
        self[0] = hook((loader, name, bytes, domain) -> {
            // what a class loaded during the hook (ASM, the frame itself) meets: the hook declines at once
            nested.add(self[0].transform(loader, internal(Greeter.class), null, null, greeter));
            ((HookedLoader) loader).define(name, bytes);
        });
        HookedLoader loader = new HookedLoader(self[0]);
        assertEquals("Hello, WORLD / 42", loader.loadClass(Greeter.class.getName()).getMethod("run").invoke(null));
        assertEquals(3, nested.size());
        nested.forEach(org.junit.jupiter.api.Assertions::assertNull);
    }

    @Test
    void corruptBytesAreLeftForTheJvmToReject() {
        byte[] corrupt = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0};
        assertNull(hook().transform(new HookedLoader(hook()), "a/Broken", null, null, corrupt));
    }

    @Test
    void optionsAcceptVerboseAndRejectAnythingElse() {
        assertTrue(AgentOptions.parse("verbose").verbose());
        assertEquals(new AgentOptions(false), AgentOptions.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("verbose,fast"));
        assertTrue(e.getMessage().contains("unknown option 'fast'"), e.getMessage());
    }

    private static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    /** The line of Misused.java marked MISUSE-LINE, so the expected error does not hard-code it. */
    /** The agent module's folder (the POM passes it: the second Surefire execution runs elsewhere). */
    static Path moduleDir() {
        return Path.of(System.getProperty("lasti.agent.basedir", "."));
    }

    static int misuseLine() throws IOException {
        List<String> lines = Files.readAllLines(moduleDir().resolve("src/test/java/dev/lasti/agent/fixture/Misused.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("MISUSE-LINE")) {
                return i + 1;
            }
        }
        throw new AssertionError("no MISUSE-LINE in Misused.java");
    }

    @Test
    void theFailedStandInKeepsTheClassShapeButNotItsInitializer() throws Exception {
        byte[] stand = FailedClass.of(HookedLoader.read(Misused.class.getName()), "no");
        assertNotNull(stand);
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Misused.class.getName(), stand, 0, stand.length);
            }
        }.define();
        assertNotNull(c.getDeclaredMethod("load"));
        assertNotNull(c.getDeclaredMethod("run"));
        assertNotNull(c.getDeclaredField("INITIALIZED"));
        LinkageError e = assertThrows(LinkageError.class, () -> Class.forName(c.getName(), true, c.getClassLoader()));
        assertEquals("no", e.getMessage());
    }
}
