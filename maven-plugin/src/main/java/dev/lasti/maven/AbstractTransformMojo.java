package dev.lasti.maven;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.Diagnostic;
import dev.lasti.transformer.driver.DirectoryDriver;
import dev.lasti.transformer.driver.DriverException;
import dev.lasti.transformer.driver.DriverOptions;
import dev.lasti.transformer.driver.DriverSummary;
import dev.lasti.transformer.driver.SourcePaths;
import dev.lasti.transformer.driver.TransformedMethod;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The shared shell of both goals: maps parameters to a {@link DirectoryDriver} run and its summary to
 * Maven's log and exceptions. The work itself lives in the driver, which has no Maven types.
 */
abstract class AbstractTransformMojo extends AbstractMojo {
    /** Skips the goal; the log says so. */
    @Parameter(property = "lasti.skip", defaultValue = "false")
    boolean skip;

    /**
     * Checks every transformed class and frame class with ASM's data-flow verifier before writing it, so a
     * transformer bug fails the build instead of the program. Costs time only for classes that change.
     */
    @Parameter(property = "lasti.verify", defaultValue = "true")
    boolean verify;

    /** Lists each transformed method after the summary line. */
    @Parameter(property = "lasti.verbose", defaultValue = "false")
    boolean verbose;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    String pluginVersion;

    /** The classes folder this goal rewrites in place. */
    abstract File classesDirectory();

    /** Source roots, to print errors as {@code src/main/java/a/B.java:42: error: ...}. */
    abstract List<String> sourceRoots();

    /** The classpath the classes were compiled against. */
    abstract List<String> classpathElements();

    /** The goal's name, used for the state file {@code target/lasti/<goal>.state}. */
    abstract String goal();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("lasti: skipped (lasti.skip=true)");
            return;
        }
        if (!classesDirectory().isDirectory()) {
            // e.g. a pom-packaging aggregator, or a module without sources: say why nothing happened
            getLog().info("lasti: nothing to transform, " + relative(classesDirectory()) + " does not exist");
            return;
        }
        DriverOptions options = DriverOptions.defaults()
                .withClasspath(classpathElements().stream().map(Path::of).toList())
                .withStateFile(buildDirectory.toPath().resolve("lasti").resolve(goal() + ".state"))
                .withVerification(verify ? DriverOptions.Verification.ON : DriverOptions.Verification.OFF);
        DriverSummary summary = run(options);
        getLog().info("lasti: " + summary.describe());
        if (verbose) {
            for (TransformedMethod m : summary.methods()) {
                getLog().info("lasti:   transformed " + m.describe());
            }
        }
        report(summary);
    }

    private DriverSummary run(DriverOptions options) throws MojoExecutionException {
        try {
            return new DirectoryDriver(ClassTransformer.create(), options)
                    .run(List.of(classesDirectory().toPath()));
        } catch (DriverException e) {
            throw new MojoExecutionException(prefix() + e.getMessage(), e);
        } catch (RuntimeException e) {
            // ClassTransformer.create() failing, or a fault outside any one class: still name the version.
            throw new MojoExecutionException(prefix() + "internal error while transforming "
                    + classesDirectory() + ": " + e, e);
        }
    }

    private void report(DriverSummary summary) throws MojoFailureException {
        SourcePaths sources = new SourcePaths(basedir.toPath(), sourceRoots().stream().map(Path::of).toList());
        for (Diagnostic d : summary.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                getLog().error(sources.format(d));
            } else {
                getLog().warn(sources.format(d));
            }
        }
        if (summary.hasErrors()) {
            throw new MojoFailureException("lasti: " + summary.errorCount() + " error"
                    + (summary.errorCount() == 1 ? "" : "s") + " in " + summary.failed() + " class"
                    + (summary.failed() == 1 ? "" : "es") + " of " + classesDirectory() + ", listed above");
        }
    }

    private String relative(File file) {
        Path path = file.toPath().toAbsolutePath();
        Path base = basedir.toPath().toAbsolutePath();
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }

    private String prefix() {
        return "lasti-maven-plugin " + pluginVersion + ": ";
    }
}
