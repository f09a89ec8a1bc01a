package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.transformer.fixtures.Basics;
import dev.lasti.transformer.testkit.Schedule;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture case (a public static {@code @Async} method {@code x()} next to its plain twin {@code
 * x_plain()}) under every schedule and compares value, failure and trace with the twin.
 */
class DifferentialTest {
    private static final TransformingClassLoader LOADER =
            TransformingClassLoader.transformAll(TransformingClassLoader.compiledPackage(Basics.class));

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsPlainTwinUnderEverySchedule() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String fixture : FIXTURES) {
            int before = tests.size();
            Class<?> type = LOADER.loadClass("dev.lasti.transformer.fixtures." + fixture);
            Method[] methods = type.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method async : methods) {
                if (!java.lang.reflect.Modifier.isPublic(async.getModifiers())
                        || !async.getReturnType().equals(Future.class) || async.getParameterCount() != 0) {
                    continue;
                }
                Method plain = type.getMethod(async.getName() + "_plain");
                tests.add(DynamicTest.dynamicTest(fixture + "." + async.getName(), () -> check(async, plain)));
            }
            assertTrue(tests.size() > before, fixture + " yields no case: is its selection rule still right?");
        }
        assertTrue(tests.size() >= MIN_CASES, "only " + tests.size() + " fixture cases, expected at least "
                + MIN_CASES + ": a change to the selection rule or the fixtures dropped cases");
        return tests.stream();
    }

    /**
     * The cases the fixtures hold today; a test that found none would pass silently, so fewer fails. Raise
     * it when adding cases.
     */
    static final int MIN_CASES = 39;

    private static final List<String> FIXTURES = List.of("Basics", "Loops", "Stacks", "Exceptions", "Switches", "Members", "Harder");

    private static void check(Method async, Method plain) {
        Schedule.Outcome expected = Schedule.runPlain(() -> invoke(plain));
        Schedule.Outcome allSuspend = run(async, new Schedule.Mode.AllSuspend(), expected);
        int awaits = Schedule.handedOut();
        run(async, new Schedule.Mode.AllDone(), expected);
        run(async, new Schedule.Mode.OtherThread(), expected);
        for (int k = 1; k <= Math.min(awaits, 12); k++) {
            run(async, new Schedule.Mode.OnlyAt(k), expected);
        }
        for (long seed = 1; seed <= 4; seed++) {
            run(async, new Schedule.Mode.Random(seed), expected);
        }
        assertEquals(expected, allSuspend);
    }

    private static Schedule.Outcome run(Method async, Schedule.Mode mode, Schedule.Outcome expected) {
        Schedule.Outcome actual = Schedule.run(mode, () -> (Future<?>) invoke(async));
        assertEquals(expected, actual, "under " + mode);
        return actual;
    }

    private static Object invoke(Method method) {
        try {
            return method.invoke(null);
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
