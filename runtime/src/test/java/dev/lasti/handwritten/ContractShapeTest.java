package dev.lasti.handwritten;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.internal.Frame;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parts of the contract that the other tests here take for granted: the format check, the frame class
 * shape (the resume index is the frame class's own field), and the catch-all of the original method.
 */
class ContractShapeTest {
    /** A frame class stamped with a format this runtime does not understand. */
    static final class Stale$Frame extends Frame<Void> {
        static {
            Frame.checkFormat(Contract.FORMAT + 1, Stale$Frame.class);
        }

        int resumePoint;

        @Override
        public int resumePoint() {
            return resumePoint;
        }

        @Override
        protected Object resume() {
            throw new AssertionError("never runs");
        }
    }

    @Test
    void aFrameClassOfAnotherFormat_failsAtItsFirstAllocation_namingBothFormatsAndTheFix() {
        IncompatibleClassChangeError e = assertThrows(IncompatibleClassChangeError.class, Stale$Frame::new);
        String message = e.getMessage();
        assertTrue(message.startsWith("lasti: " + Stale$Frame.class.getName() + " was generated for frame format "
                + (Contract.FORMAT + 1) + ", but this lasti runtime"), message);
        assertTrue(message.contains("understands frame format " + Contract.FORMAT + " only"), message);
        assertTrue(message.contains("built by a newer lasti transformer than this runtime"), message);
        assertTrue(message.contains("Rebuild it with the lasti-maven-plugin"), message);
        // the JVM remembers the failed initialization: later uses fail too, never run the class
        assertThrows(NoClassDefFoundError.class, Stale$Frame::new);
    }

    @Test
    void theFormatOfTheHandWrittenFrames_isTheRuntimes() {
        Frame.checkFormat(Contract.FORMAT, Chain.link$Frame.class); // throws if the copy in Contract drifted
    }

    @Test
    void everyHandWrittenFrame_hasTheGeneratedShape() throws Exception {
        for (Class<?> frame : List.of(Chain.link$Frame.class, Cleanup.withCleanup$Frame.class,
                Failing.failAfter$Frame.class, Relay.relay$Frame.class, SlowSum.sumSlowly$Frame.class,
                Where.threadAfter$Frame.class)) {
            assertTrue(Modifier.isFinal(frame.getModifiers()), frame.getName());
            assertEquals(Frame.class, frame.getSuperclass(), frame.getName());
            Field index = frame.getDeclaredField("resumePoint");
            assertEquals(int.class, index.getType());
            int access = index.getModifiers();
            assertFalse(Modifier.isPublic(access) || Modifier.isProtected(access) || Modifier.isPrivate(access)
                    || Modifier.isStatic(access), "package-private instance field: " + frame.getName());
            Method accessor = frame.getDeclaredMethod("resumePoint");
            assertTrue(Modifier.isPublic(accessor.getModifiers()), frame.getName());
            assertNotNull(frame.getDeclaredMethod("resume"), frame.getName());
        }
    }

    @Test
    void anExceptionBeforeTheFirstSuspension_failsTheReturnedFuture_itIsNotThrown() {
        Future<Void> task = Failing.failAfter(Future.completed(null), "before any suspension");
        assertTrue(task.isFailed(), "the original method's catch-all returns a failed future");
        assertInstanceOf(IllegalStateException.class, task.cause());
        assertEquals("before any suspension", task.cause().getMessage());
    }

    @Test
    void aSuspensionWithoutALoop_throws_becauseTheSuspendBlockIsOutsideTheCatchAll() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Chain.link(new dev.lasti.Promise<>()));
        assertTrue(e.getMessage().startsWith("no lasti event loop runs on thread"), e.getMessage());
    }

    /** The ABI package's public surface is what generated code uses, and nothing only the runtime needs. */
    @Test
    void theAbiPackageExposesOnlyWhatGeneratedCodeCalls() throws Exception {
        Path internal = Path.of(Frame.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/lasti/internal");
        Set<String> publicTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(internal)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                if (!name.equals("package-info") && !name.contains("$")
                        && Modifier.isPublic(Class.forName("dev.lasti.internal." + name).getModifiers())) {
                    publicTypes.add(name);
                }
            }
        }
        assertEquals(Set.of("AsyncGeneratorFrame", "Frame", "FrameInfo", "Frames", "GeneratorFrame"), publicTypes,
                "TaskList is the runtime's own");
        Set<String> framesApi = new TreeSet<>();
        for (Method m : dev.lasti.internal.Frames.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                framesApi.add(m.getName());
            }
        }
        assertEquals(Set.of("adapt", "isDone", "resultNow"), framesApi);
        assertFalse(Modifier.isPublic(Class.forName("dev.lasti.NextIteration").getModifiers()));
        for (Method m : dev.lasti.EventLoop.class.getMethods()) {
            assertFalse(m.getName().equals("adopt"), "EventLoop.adopt is gone: the frame finds its loop's task list");
        }
        for (Field f : Frame.class.getFields()) {
            assertTrue(Modifier.isFinal(f.getModifiers()), "public mutable field Frame." + f.getName());
        }
    }
}
