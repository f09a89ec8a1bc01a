package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.internal.FrameInfo;
import dev.lasti.transformer.fixtures.Basics;
import dev.lasti.transformer.testkit.Schedule;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Run-time properties of the generated state machine: no recursion, cancellation, frame class shape. */
class StateMachineTest {
    private static final TransformingClassLoader LOADER =
            TransformingClassLoader.transformAll(TransformingClassLoader.compiledPackage(Basics.class));

    private static Method method(String className, String name, Class<?>... params) throws Exception {
        return LOADER.loadClass("dev.lasti.transformer.fixtures." + className).getMethod(name, params);
    }

    @Test
    void chainOfManySuspendingAwaits_doesNotOverflowTheStack() throws Exception {
        Method chain = method("Runtime", "longChain", int.class);
        int n = 200_000;
        Schedule.Outcome outcome = Schedule.run(new Schedule.Mode.AllSuspend(), () -> invoke(chain, n));
        assertEquals(String.valueOf((long) n * (n - 1) / 2), outcome.value(), String.valueOf(outcome.failure()));
    }

    @Test
    void cancellation_throwsCancellationExceptionAtTheAwait_andRunsFinally() throws Exception {
        Method wait = method("Runtime", "waitForever", String.class);
        AtomicReference<Future<?>> task = new AtomicReference<>();
        Schedule.Outcome outcome = Schedule.run(new Schedule.Mode.AllDone(), () -> {
            Future<?> f = invoke(wait, "t");
            task.set(f);
            EventLoop.current().execute(f::cancel);
            return f;
        });
        assertEquals(CancellationException.class.getName() + ": task cancelled", outcome.failure());
        assertEquals(List.of("waiting t", "finally t"), outcome.trace());
        assertTrue(task.get() instanceof dev.lasti.internal.Frame<?>, "a suspended call returns its frame");
    }

    @Test
    void fastPath_returnsTheBodysFutureWithoutAFrame() throws Exception {
        Method straight = method("Basics", "straightLine");
        AtomicReference<Object> returned = new AtomicReference<>();
        Schedule.run(new Schedule.Mode.AllDone(), () -> {
            Future<?> f = invoke(straight);
            returned.set(f);
            return f;
        });
        assertTrue(!(returned.get() instanceof dev.lasti.internal.Frame<?>), "no frame allocated when all done");
    }

    @Test
    void frameClass_isFinalSyntheticWithTypedFieldsAndDebugInfo() throws Exception {
        Class<?> frame = LOADER.loadClass("dev.lasti.transformer.fixtures.Basics$primitivesInLocals$Frame");
        assertTrue(Modifier.isFinal(frame.getModifiers()) && frame.isSynthetic());
        assertEquals(dev.lasti.internal.Frame.class, frame.getSuperclass());
        List<String> fields = Arrays.stream(frame.getDeclaredFields())
                .map(f -> f.getType().getSimpleName() + " " + f.getName()).toList();
        assertEquals(List.of("int resumePoint", "int local0$z", "int local1$b", "int local2$c", "int local3$s",
                "int local4$i", "long local5$l", "float local7$f", "double local8$d", "int[] local10$arr"), fields,
                "the resume index, then the saved state: the null local n needs no field; the stack is empty");
        int resumePoint = frame.getDeclaredField("resumePoint").getModifiers();
        assertTrue(!Modifier.isPublic(resumePoint) && !Modifier.isPrivate(resumePoint)
                && !Modifier.isProtected(resumePoint), "package-private: only the owner's code writes it");
        FrameInfo info = frame.getAnnotation(FrameInfo.class);
        assertEquals("Basics.java", info.source());
        assertEquals("dev.lasti.transformer.fixtures.Basics", info.owner());
        assertEquals("primitivesInLocals()Ldev/lasti/Future;", info.method());
        assertEquals(1, info.lines().length);
        Method resume = LOADER.loadClass("dev.lasti.transformer.fixtures.Basics").getDeclaredMethod("primitivesInLocals$resume", frame);
        assertTrue(!resume.isSynthetic() && Modifier.isStatic(resume.getModifiers())
                && !Modifier.isPrivate(resume.getModifiers()), "not synthetic, so coverage tools count its lines");
    }

    @Test
    void overloadsGetNumberedFrameClasses() throws Exception {
        LOADER.loadClass("dev.lasti.transformer.fixtures.Members$overload$1$Frame");
        LOADER.loadClass("dev.lasti.transformer.fixtures.Members$overload$2$Frame");
    }

    @Test
    void resume_clearsReferenceFields_soTheFrameKeepsNoGarbage() throws Exception {
        Method held = method("Runtime", "heldObject", Object.class);
        AtomicReference<Future<?>> task = new AtomicReference<>();
        Schedule.run(new Schedule.Mode.AllSuspend(), () -> {
            Future<?> f = invoke(held, "big");
            task.set(f);
            EventLoop.current().callLater(java.time.Duration.ofMillis(20), f::cancel);
            return f;
        });
        Object frame = task.get();
        for (Field field : frame.getClass().getDeclaredFields()) {
            if (!field.getType().isPrimitive()) {
                field.setAccessible(true);
                assertNull(field.get(frame), field.getName() + " still holds a value after resume");
            }
        }
    }

    private static Future<?> invoke(Method method, Object... args) {
        try {
            return (Future<?>) method.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
