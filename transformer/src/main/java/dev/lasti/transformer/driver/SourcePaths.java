package dev.lasti.transformer.driver;

import dev.lasti.transformer.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the real source file of a {@link Diagnostic} so errors read like javac's
 * ({@code src/main/java/a/B.java:42: error: ...}) and IDEs and terminals can jump to them.
 */
public final class SourcePaths {
    private final Path baseDir;
    private final List<Path> sourceRoots;

    /**
     * @param baseDir paths under it are printed relative to it (the project folder, or the working directory)
     * @param sourceRoots where sources live, e.g. {@code src/main/java}; relative ones are resolved
     *     against {@code baseDir}
     */
    public SourcePaths(Path baseDir, List<Path> sourceRoots) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.sourceRoots = sourceRoots.stream().map(r -> this.baseDir.resolve(r).normalize()).toList();
    }

    /**
     * The path to print for {@code diagnostic}: the first source root holding its
     * {@link Diagnostic#defaultSourcePath()}, relative to the base folder when under it; otherwise the
     * default path itself (package folder plus file name), as javac would print for an unknown root.
     */
    public String pathOf(Diagnostic diagnostic) {
        String relative = diagnostic.defaultSourcePath();
        for (Path root : sourceRoots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate.startsWith(baseDir) ? baseDir.relativize(candidate).toString()
                        : candidate.toString();
            }
        }
        return relative;
    }

    /** {@code diagnostic} in javac form with its resolved path, hint lines included. */
    public String format(Diagnostic diagnostic) {
        return diagnostic.format(pathOf(diagnostic));
    }
}
