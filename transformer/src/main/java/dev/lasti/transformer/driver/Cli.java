package dev.lasti.transformer.driver;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The command line for builds other than Maven:
 * {@code java -jar lasti-transformer.jar [--classpath CP] [--sourcepath SP] [--state FILE] [--verify]
 * [--verbose] DIR...}. Prints one summary line, then every diagnostic in javac form; exits 0 on success,
 * 1 on errors in the code or I/O failures, 2 on a usage error.
 */
public final class Cli {
    /** Success. */
    public static final int OK = 0;
    /** The transformer reported errors, or a file could not be read or written. */
    public static final int ERRORS = 1;
    /** The command line itself was wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar lasti-transformer.jar [options] DIR...
              Rewrites the @Async methods of every class under each classes folder DIR, in place.
              --classpath CP    compile classpath of DIR (jars and folders, separated by '%1$s')
              --sourcepath SP   source roots (separated by '%1$s'), to print errors as src/main/java/a/B.java:42
              --state FILE      remember what was seen, so an unchanged rebuild does no work
              --verify          check the output with ASM's verifier before writing (needs a full --classpath)
              --verbose         list every transformed method
              --help            print this and exit
            """.formatted(File.pathSeparator);

    private Cli() {}

    /** Entry point of {@code java -jar}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, ClassTransformer::create));
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<ClassTransformer> transformers) {
        List<String> dirs = new ArrayList<>();
        DriverOptions options = DriverOptions.defaults();
        List<Path> sourceRoots = List.of();
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "--verbose", "-v" -> verbose = true;
                case "--verify" -> options = options.withVerification(DriverOptions.Verification.ON);
                case "--classpath", "-cp", "--sourcepath", "--state" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, arg + " needs a value");
                    }
                    String value = args[++i];
                    if (arg.equals("--state")) {
                        options = options.withStateFile(Path.of(value));
                    } else if (arg.equals("--sourcepath")) {
                        sourceRoots = paths(value);
                    } else {
                        options = options.withClasspath(paths(value));
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        return usage(err, "unknown option " + arg);
                    }
                    dirs.add(arg);
                }
            }
        }
        if (dirs.isEmpty()) {
            return usage(err, "no classes folder given");
        }
        return transform(dirs, options, new SourcePaths(Path.of(""), sourceRoots), verbose, out, err,
                transformers);
    }

    private static int transform(List<String> dirs, DriverOptions options, SourcePaths sources, boolean verbose,
                                 PrintStream out, PrintStream err, Supplier<ClassTransformer> transformers) {
        List<Path> roots = dirs.stream().map(Path::of).toList();
        DriverSummary summary;
        try {
            summary = new DirectoryDriver(transformers.get(), options).run(roots);
        } catch (DriverException e) {
            err.println("lasti: error: " + e.getMessage());
            return ERRORS;
        } catch (RuntimeException e) {
            // e.g. ClassTransformer.create() before the transformer exists, or a transformer bug
            err.println("lasti: internal error: " + e);
            return ERRORS;
        }
        out.println("lasti: " + summary.describe());
        if (verbose) {
            summary.methods().forEach(m -> out.println("  transformed " + m.describe()));
        }
        for (Diagnostic d : summary.diagnostics()) {
            err.println(sources.format(d));
        }
        return summary.hasErrors() ? ERRORS : OK;
    }

    private static List<Path> paths(String joined) {
        return Arrays.stream(joined.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("lasti: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }
}
