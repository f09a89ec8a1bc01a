package dev.lasti.transformer.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link DirectoryDriver} runs. Build with {@link #defaults()} and the {@code with...} methods.
 *
 * @param classpath the classes the transformed code is compiled against (jars and folders). Kept for the
 *     transformer's hierarchy look-ups from class-file headers, and used by the verifier
 * @param stateFile where the incremental state lives (e.g. {@code target/lasti/transform.state}), or
 *     {@code null} to transform every class on every run
 * @param verification whether to check the output with ASM's verifier before writing it
 * @param parallelism how many classes to transform at once, at least 1
 */
public record DriverOptions(List<Path> classpath, Path stateFile, Verification verification, int parallelism) {
    /** Whether written classes are checked first. */
    public enum Verification {
        /** Write what the transformer returns. */
        OFF,
        /**
         * Run ASM's data-flow verifier over every transformed and frame class before writing it, resolving
         * types from the output folders, the pending output and the classpath in an isolated class loader.
         */
        ON
    }

    public DriverOptions {
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(verification, "verification");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    /** No classpath, no state file, no verification, one thread per available processor. */
    public static DriverOptions defaults() {
        return new DriverOptions(List.of(), null, Verification.OFF, Runtime.getRuntime().availableProcessors());
    }

    /** These options with another classpath. */
    public DriverOptions withClasspath(List<Path> newClasspath) {
        return new DriverOptions(newClasspath, stateFile, verification, parallelism);
    }

    /** These options with another state file ({@code null}: not incremental). */
    public DriverOptions withStateFile(Path newStateFile) {
        return new DriverOptions(classpath, newStateFile, verification, parallelism);
    }

    /** These options with another verification mode. */
    public DriverOptions withVerification(Verification newVerification) {
        return new DriverOptions(classpath, stateFile, newVerification, parallelism);
    }

    /** These options with another thread count. */
    public DriverOptions withParallelism(int newParallelism) {
        return new DriverOptions(classpath, stateFile, verification, newParallelism);
    }
}
