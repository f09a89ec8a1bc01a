package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import dev.lasti.transformer.debuggee.DebugTarget;
import dev.lasti.transformer.testkit.DebugSession;
import dev.lasti.transformer.testkit.DebugSession.Stop;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real debugger (JDI, as jdb and IDEs use it) on a transformed program whose awaits really suspend: line
 * breakpoints after an await hit in the resumed code and show the user's locals with their true values.
 */
class DebuggerTest {
    private static final String TARGET = DebugTarget.class.getName();
    private static final Path SOURCE = Path.of("src/test/java/dev/lasti/transformer/debuggee/DebugTarget.java");

    @TempDir
    static Path classes;
    private static Map<String, Integer> lines;

    @BeforeAll
    static void transformTheTarget() throws Exception {
        ClassTransformer transformer = ClassTransformer.create();
        for (Map.Entry<String, byte[]> entry : TransformingClassLoader.compiledPackage(DebugTarget.class).entrySet()) {
            TransformResult result = transformer.transform(entry.getValue(), entry.getKey() + ".class");
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put(entry.getKey(), entry.getValue());
            if (result instanceof TransformResult.Transformed t) {
                out.put(entry.getKey(), t.classBytes());
                out.putAll(t.frameClasses());
            }
            for (Map.Entry<String, byte[]> file : out.entrySet()) {
                Path path = classes.resolve(file.getKey() + ".class");
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
        }
        lines = DebugSession.markedLines(SOURCE);
    }

    private static List<Stop> run(String scenario, List<String> at, Function<Stop, Boolean> stepOver)
            throws Exception {
        return session(scenario, at, stepOver, (session, stops) -> stops);
    }

    private static <T> T session(String scenario, List<String> at, Function<Stop, Boolean> stepOver,
                                 BiFunction<DebugSession, List<Stop>, T> result) throws Exception {
        String runtime = Path.of(Future.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try (DebugSession session = DebugSession.launch(classes + File.pathSeparator + runtime, TARGET, scenario)) {
            List<Stop> stops = session.run(TARGET, at.stream().map(lines::get).toList(), stepOver);
            assertTrue(session.output().contains("result: "), session.output());
            return result.apply(session, stops);
        }
    }

    private static List<Stop> breakAt(String scenario, String line) throws Exception {
        return run(scenario, List.of(line), stop -> false);
    }

    private static Stop resumed(String method, String line, Map<String, String> variables) {
        return new Stop(TARGET + "." + method + "$resume", lines.get(line), variables);
    }

    /** The stop without the frame's own entry, after checking it is there under its own name. */
    private static Stop withoutFrame(Stop stop) {
        Map<String, String> variables = new LinkedHashMap<>(stop.variables());
        String frame = variables.remove("$frame");
        assertTrue(frame != null && frame.startsWith(TARGET + "$"), "the frame is visible as $frame: " + stop);
        return new Stop(stop.method(), stop.line(), variables);
    }

    /**
     * Half a second at a breakpoint inside a resumed body (the loop thread in the middle of an iteration,
     * every thread suspended) is the debugger's pause, not a blocked loop: no warning in the output.
     */
    @Test
    void aPauseAtABreakpoint_isNotReportedAsABlockedLoop() throws Exception {
        String output = session("afterAwait", List.of("afterAwait.next"), stop -> {
            try {
                Thread.sleep(500); // five times the default 100 ms threshold
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }, (session, stops) -> session.output());
        assertFalse(output.contains("has been busy for"), output);
    }

    @Test
    void breakpointAfterASuspendedAwait_hitsInTheResumedCode_withTheLiveLocalsOnly() throws Exception {
        List<Stop> stops = breakAt("afterAwait", "afterAwait.next");
        // id and count are dead after the await: not restored, so not shown (they used to show garbage, and
        // slot 0 was described as this while it held the frame)
        assertEquals(List.of(resumed("afterAwait", "afterAwait.next",
                Map.of("$this", TARGET, "doubled", "10", "loaded", "\"order 42\""))),
                stops.stream().map(DebuggerTest::withoutFrame).toList());
    }

    @Test
    void breakpointInALoopBodyAfterAnAwait_showsEachIterationsValues() throws Exception {
        List<Stop> stops = breakAt("loop", "loop.body");
        assertEquals(List.of(
                resumed("loop", "loop.body", Map.of("n", "3", "sum", "0", "i", "0", "got", "0")),
                resumed("loop", "loop.body", Map.of("n", "3", "sum", "0", "i", "1", "got", "10")),
                resumed("loop", "loop.body", Map.of("n", "3", "sum", "10", "i", "2", "got", "20"))),
                stops.stream().map(DebuggerTest::withoutFrame).toList());
    }

    @Test
    void breakpointInACatchBlockReachedByAFailedAwait_showsTheLocals() throws Exception {
        List<Stop> stops = breakAt("caught", "caught.catch");
        assertEquals(List.of(resumed("caught", "caught.catch",
                Map.of("name", "\"x\"", "tries", "3", "e", "java.lang.IllegalStateException"))),
                stops.stream().map(DebuggerTest::withoutFrame).toList());
    }

    /** A generator's frame is the same kind of frame: after each resumption the locals are the true ones. */
    @Test
    void breakpointAfterAYield_hitsInTheGeneratorsResumedCode_withEachRoundsValues() throws Exception {
        String output = session("generator", List.of("squares.after"), stop -> false, (session, stops) -> {
            // this is dead after the yield (the body reads no field), so it is neither saved nor shown
            assertEquals(List.of(
                    resumed("squares", "squares.after", Map.of("n", "3", "total", "0", "i", "0", "sq", "0")),
                    resumed("squares", "squares.after", Map.of("n", "3", "total", "0", "i", "1", "sq", "1")),
                    resumed("squares", "squares.after", Map.of("n", "3", "total", "1", "i", "2", "sq", "4"))),
                    stops.stream().map(DebuggerTest::withoutFrame).toList());
            return session.output();
        });
        assertTrue(output.contains("result: 0 1 4 total=5"), output);
    }

    @Test
    void stepOverAnAwaitThatSuspends_returnsToTheCaller_notToTheMethodsReturnLine() throws Exception {
        int await = lines.get("afterAwait.await");
        List<Stop> stops = run("afterAwait", List.of("afterAwait.await"),
                stop -> stop.method().equals(TARGET + ".afterAwait"));
        // the first stop is the breakpoint in the original method; stops on the await's own line may follow
        // (its suspend block is a location of that line too); the step itself ends in the caller
        assertEquals(TARGET + ".afterAwait", stops.get(0).method());
        // the breakpoint's other location in the original method is the suspend block: the locals are in scope
        assertEquals(new Stop(TARGET + ".afterAwait", await, Map.of("id", "\"42\"", "count", "5", "doubled", "10")),
                stops.get(1));
        Stop next = stops.stream().skip(1).filter(s -> s.line() != await).findFirst().orElseThrow();
        assertTrue(next.method().startsWith(TARGET + ".lambda$main$"), "step over ended in " + next);
    }

    @Test
    void stepOverAnAwaitThatSuspendsInTheResumedCode_leavesTheMethod() throws Exception {
        int await = lines.get("loop.await");
        List<Stop> stops = run("loop", List.of("loop.await"),
                stop -> stop.method().equals(TARGET + ".loop$resume") && stop.variables().containsKey("i"));
        Stop from = stops.stream().filter(s -> s.variables().containsKey("i") && s.method().endsWith("$resume"))
                .findFirst().orElseThrow();
        Stop next = stops.stream().skip(stops.indexOf(from) + 1).filter(s -> s.line() != await).findFirst()
                .orElseThrow();
        // back in the runtime's resume loop, through the frame class's bridge; never on the method's return line
        assertTrue(next.method().startsWith(TARGET + "$") || next.method().startsWith("dev.lasti.internal."),
                "step over ended in " + next);
    }

    /**
     * What a debugger binds a line breakpoint to: JDI gives a line after an await one location per copy, the
     * original first (jdb takes that one; IDEs take all); a line before the first await only the original's,
     * since the resume method's copy of it never runs and carries no line number.
     */
    @Test
    void lineLocations_areOnePerCopyThatRunsTheLine() throws Exception {
        Map<Integer, List<String>> locations = session("afterAwait", List.of("afterAwait.first", "afterAwait.next"),
                stop -> false, (session, stops) -> session.lineLocations());
        assertEquals(Map.of(lines.get("afterAwait.first"), List.of("afterAwait"),
                lines.get("afterAwait.next"), List.of("afterAwait", "afterAwait$resume")), locations);
    }
}
