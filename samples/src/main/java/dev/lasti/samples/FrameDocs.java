package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.internal.Frame;
import dev.lasti.internal.FrameInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;

/**
 * S8 (seed 002): the frame is visible. Seed 002 reads CPython's {@code PyFrameObject}: {@code f_lasti}, the
 * saved locals and the value stack that {@code YIELD_VALUE} leaves behind:
 *
 * <pre>
 * typedef struct _frame {
 *     PyObject **f_valuestack;    /* points after the last local *&#47;
 *     PyObject **f_stacktop;
 *     int f_lasti;                /* Last instruction if called *&#47;
 * </pre>
 *
 * This sample suspends {@link #order} and reads its live frame object with reflection: the resume index,
 * one field per saved local and per saved operand-stack value, and the {@link FrameInfo} the transformer
 * writes. Then it shows, with the JDK's {@code javap} when there is one, the {@code tableswitch} on the
 * resume index that starts the resume method. {@code docs/bytecode-walkthrough.md} walks through the
 * whole transformed class.
 */
public final class FrameDocs {
    private FrameDocs() {}

    /**
     * At the await, {@code attempts} is a live local and {@code id} is already on the operand stack, as the
     * first argument of the string concatenation: both go into the frame.
     */
    @Async
    static Future<String> order(String id, Future<String> status) {
        int attempts = 1;
        String line = "order " + id + ": " + await(status);
        return Future.completed(line + " (" + attempts + " attempt)");
    }

    /** Suspends {@link #order}, describes its frame, then lets it finish. */
    @Async
    static Future<String> demo() {
        Promise<String> status = new Promise<>();
        Future<String> task = order("42", status); // eager start: runs up to the await and suspends there
        String frame = describe(task);
        status.complete("shipped");
        String result = await(task);
        return Future.completed(frame + "\nresumed and returned \"" + result + "\"");
    }

    /** The frame's class, resume index, saved fields and debug info, read with reflection. */
    static String describe(Future<?> task) {
        if (!(task instanceof Frame)) {
            return "not suspended: " + task + " (was the class transformed?)";
        }
        Class<?> type = task.getClass();
        FrameInfo info = type.getAnnotation(FrameInfo.class);
        int resumePoint = ((Frame<?>) task).resumePoint();
        return String.format("suspended task %s: resumePoint = %d (await at %s:%d)%nsaved: %s%n@FrameInfo(method = %s,"
                + " lines = %s)", type.getSimpleName(), resumePoint, info.source(), info.lines()[resumePoint - 1],
                String.join(", ", savedFields(task)), info.method(), Arrays.toString(info.lines()));
    }

    private static List<String> savedFields(Object frame) {
        List<String> saved = new ArrayList<>();
        for (Field field : frame.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("resumePoint")) {
                continue; // the resume index is shown on its own, not as saved state
            }
            try {
                field.setAccessible(true); // generated fields are package-private
                Object value = field.get(frame);
                saved.add(field.getType().getSimpleName() + " " + field.getName() + " = "
                        + (value instanceof String ? "\"" + value + "\"" : value));
            } catch (ReflectiveOperationException | RuntimeException e) {
                saved.add(field.getName() + " (unreadable: " + e + ")");
            }
        }
        return saved;
    }

    /** The {@code tableswitch} at the start of {@code order$resume}, from {@code javap -p -c}; empty on a JRE. */
    static String resumeSwitch() {
        Optional<ToolProvider> javap = ToolProvider.findFirst("javap");
        Optional<Path> classpath = ownClasspath();
        if (javap.isEmpty() || classpath.isEmpty()) {
            return "\n(no javap in this runtime: run javap -p -c on FrameDocs to see the resume switch)";
        }
        StringWriter out = new StringWriter();
        javap.get().run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-p", "-c", "-cp", classpath.get().toString(), FrameDocs.class.getName());
        return "\njavap -p -c, the start of order$resume:\n" + switchOf(out.toString(), "order$resume");
    }

    /** The lines of {@code method}'s listing from its first instruction to the end of its first switch. */
    static String switchOf(String listing, String method) {
        List<String> lines = List.of(listing.split("\n"));
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains(" " + method + "(")) {
            i++;
        }
        for (i += 2; i < lines.size(); i++) { // skip the signature and "Code:"
            sb.append(lines.get(i).stripTrailing()).append('\n');
            if (lines.get(i).strip().equals("}")) {
                break;
            }
        }
        return sb.toString().stripTrailing();
    }

    private static Optional<Path> ownClasspath() {
        try {
            return Optional.of(Path.of(FrameDocs.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs the demo on a fresh loop, then javap off the loop (it reads class files: blocking work). */
    public static String run() {
        return EventLoop.run(FrameDocs::demo) + resumeSwitch();
    }
}
