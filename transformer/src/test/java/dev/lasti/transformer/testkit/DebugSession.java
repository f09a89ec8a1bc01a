package dev.lasti.transformer.testkit;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real debugger session through JDI: runs a main class in a child JVM (the same {@code java} as the test)
 * with the JDWP agent, attaches, sets line breakpoints at every location of each line (as IntelliJ and
 * Eclipse do), and records each stop: where, and every visible variable with its value, all read at once
 * with {@code StackFrame.getValues} as jdb's {@code locals} does (one inconsistent entry fails them all).
 */
public final class DebugSession implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

    /**
     * One stop of the debuggee.
     *
     * @param method the method it stopped in
     * @param line its source line
     * @param variables each visible variable's name and value ({@code "s"} quoted, primitives as printed,
     *                  objects as their class name)
     */
    public record Stop(String method, int line, Map<String, String> variables) {}

    private final Process process;
    private final VirtualMachine vm;
    private final StringBuilder output = new StringBuilder();
    private final Map<Integer, List<String>> lineLocations = new LinkedHashMap<>();
    private Thread drain;

    private DebugSession(Process process, VirtualMachine vm) {
        this.process = process;
        this.vm = vm;
    }

    /** Starts {@code mainClass args} on {@code classPath}, suspended until the debugger is attached. */
    public static DebugSession launch(String classPath, String mainClass, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0",
                "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = first == null ? null : LISTENING.matcher(first);
        if (m == null || !m.find()) {
            process.destroyForcibly();
            throw new AssertionError("the debuggee did not start its JDWP agent: " + first);
        }
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(m.group(1));
        DebugSession session = new DebugSession(process, socket.attach(arguments));
        session.drain = new Thread(() -> session.drain(out), "debuggee-output");
        session.drain.setDaemon(true);
        session.drain.start();
        return session;
    }

    /**
     * Runs the debuggee to its end, stopping at every location of each of {@code lines} of {@code className};
     * at each stop, {@code onStop} may ask for one step over (return true) whose end is recorded as a stop too.
     */
    public List<Stop> run(String className, List<Integer> lines, Function<Stop, Boolean> stepOverAfter)
            throws Exception {
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(className);
        prepare.enable();
        List<Stop> stops = new ArrayList<>();
        vm.resume();
        while (true) {
            EventSet events = vm.eventQueue().remove(60_000);
            if (events == null) {
                throw new AssertionError("the debuggee hung; output so far:\n" + output());
            }
            for (Event event : events) {
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    events.resume();
                    awaitExit();
                    return stops;
                }
                if (event instanceof ClassPrepareEvent prepared) {
                    setBreakpoints(prepared.referenceType(), lines);
                } else if (event instanceof BreakpointEvent hit) {
                    Stop stop = stop(hit.thread());
                    stops.add(stop);
                    if (stepOverAfter.apply(stop) && vm.eventRequestManager().stepRequests().isEmpty()) {
                        StepRequest step = vm.eventRequestManager().createStepRequest(hit.thread(),
                                StepRequest.STEP_LINE, StepRequest.STEP_OVER);
                        step.addCountFilter(1);
                        step.enable();
                    }
                } else if (event instanceof StepEvent step) {
                    stops.add(stop(step.thread()));
                    vm.eventRequestManager().deleteEventRequest(step.request());
                }
            }
            events.resume();
        }
    }

    /** For each breakpoint line, the methods of the locations JDI gave for it, in JDI's order. */
    public Map<Integer, List<String>> lineLocations() {
        return lineLocations;
    }

    private void setBreakpoints(ReferenceType type, List<Integer> lines) throws Exception {
        for (int line : lines) {
            List<String> methods = new ArrayList<>();
            lineLocations.put(line, methods);
            for (Location location : type.locationsOfLine(line)) {
                methods.add(location.method().name());
                BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(location);
                request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                request.enable();
            }
        }
    }

    private static Stop stop(ThreadReference thread) throws Exception {
        StackFrame frame = thread.frame(0);
        Location where = frame.location();
        String method = where.declaringType().name() + "." + where.method().name();
        Map<String, String> variables = new LinkedHashMap<>();
        List<LocalVariable> visible;
        try {
            visible = frame.visibleVariables();
        } catch (AbsentInformationException e) {
            return new Stop(method, where.lineNumber(), variables);
        }
        Map<LocalVariable, Value> values = frame.getValues(visible);
        for (LocalVariable variable : visible) {
            variables.put(variable.name(), show(values.get(variable)));
        }
        return new Stop(method, where.lineNumber(), variables);
    }

    private static String show(Value value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof StringReference s) {
            return '"' + s.value() + '"';
        }
        if (value instanceof ObjectReference object) {
            return object.referenceType().name();
        }
        return value.toString();
    }

    /** What the debuggee printed. */
    public synchronized String output() {
        return output.toString();
    }

    private void drain(BufferedReader out) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (this) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the debuggee is gone
        }
    }

    /** The lines of {@code source} marked {@code // at:NAME}, by name. */
    public static Map<String, Integer> markedLines(Path source) throws IOException {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> text = Files.readAllLines(source);
        Pattern marker = Pattern.compile("// at:(\\S+)");
        for (int i = 0; i < text.size(); i++) {
            Matcher m = marker.matcher(text.get(i));
            if (m.find()) {
                lines.put(m.group(1), i + 1);
            }
        }
        return lines;
    }

    /** Waits for the debuggee to exit and for its last output. */
    private void awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the debuggee did not exit; output so far:\n" + output());
        }
        drain.join(10_000);
    }

    @Override
    public void close() throws Exception {
        try {
            vm.dispose();
        } catch (RuntimeException e) {
            // already disconnected at the debuggee's end
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
