package dev.lasti.transformer.generator;

import dev.lasti.transformer.generator.ProgramGenerator.Method;
import dev.lasti.transformer.generator.ProgramGenerator.Program;
import dev.lasti.transformer.generator.ProgramGenerator.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written programs that use Java 21+ features at awaits (switch patterns with awaits in guards and case
 * bodies, record patterns, sealed hierarchies, {@code var}, text blocks, unnamed variables), kept as templates
 * under {@code src/test/resources/modern} because javac 17 cannot compile them. Each template method is
 * written twice, as the {@code @Async} method and as its counting twin, and gets entries {@code e<i>} like a
 * generated program, so {@link ProgramRunner} runs it under every schedule, cancellation included.
 */
final class ModernFixtures {
    /** A rendered template: its source and the program {@link ProgramRunner} needs. */
    record Rendered(String source, Program program) {}

    private static final Pattern NAME = Pattern.compile("ASYNC\\n\\s+static FUT<String> (\\w+)\\$\\$\\(");
    private static final String BEGIN = "// BEGIN twins\n";
    private static final String END = "// END twins\n";

    private ModernFixtures() {}

    /** Renders template {@code modern/<template>.java.txt} as class {@code gen.<className>}. */
    static Rendered render(String template, String className) {
        String text = read("/modern/" + template + ".java.txt").replace("CLASS", className);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String section = text.substring(begin + BEGIN.length(), end);
        List<Method> methods = new ArrayList<>();
        Matcher m = NAME.matcher(section);
        StringBuilder entries = new StringBuilder();
        while (m.find()) {
            int i = methods.size();
            methods.add(new Method(new Signature(i, m.group(1), JType.STRING, true, Host.TOP, Host.Extra.NONE),
                    new Stmt.Block(List.of()), false));
            String params = "(Sched s, StringBuilder t, " + ProgramGenerator.PARAMS + ")";
            entries.append("\n    public static Future<String> e").append(i).append(params).append(" {\n        return ")
                    .append(m.group(1)).append("(s, t, a);\n    }\n");
            entries.append("\n    public static String e").append(i).append("$plain").append(params)
                    .append(" {\n        return ").append(m.group(1)).append("$plain(s, t, a);\n    }\n");
        }
        String source = text.substring(0, begin) + expand(section, Mode.ASYNC) + expand(section, Mode.PLAIN)
                + entries + text.substring(end + END.length());
        return new Rendered(source, new Program(0, className, methods));
    }

    /** The section with every marker replaced for {@code mode}. */
    static String expand(String section, Mode mode) {
        boolean async = mode == Mode.ASYNC;
        String out = call(section, "AWAIT_I(", async ? "await(s.next(" : "s.nowI(", async ? "))" : ")");
        out = call(out, "AWAIT_T(", async ? "await(s.next(" : "s.nowT(", async ? "))" : ")");
        out = call(out, "FAIL_I(", async ? "await(s.<Integer>fail(" : "s.<Integer>raise(", async ? "))" : ")");
        return out.replaceAll("(?m)^(\\s*)ASYNC\\n", async ? "$1@Async\n" : "")
                .replace("FUT<String>", async ? "Future<String>" : "String")
                .replace("DONE(", async ? "Future.completed(" : "(")
                .replace("$$(", async ? "(" : "$plain(");
    }

    /** Replaces each {@code marker...)} with {@code open...close}, matching the marker's parenthesis. */
    private static String call(String text, String marker, String open, String close) {
        StringBuilder out = new StringBuilder(text);
        for (int at = out.indexOf(marker); at >= 0; at = out.indexOf(marker)) {
            int depth = 1;
            int i = at + marker.length();
            for (; depth > 0; i++) {
                char c = out.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            out.replace(i - 1, i, close); // i - 1 is the marker's closing parenthesis
            out.replace(at, at + marker.length(), open);
        }
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = ModernFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
