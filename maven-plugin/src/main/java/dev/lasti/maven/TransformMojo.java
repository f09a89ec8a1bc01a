package dev.lasti.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the {@code @Async} methods of the main classes, in place, after they are compiled. */
@Mojo(name = "transform", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class TransformMojo extends AbstractTransformMojo {
    /** The folder of compiled main classes to rewrite. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File classesDirectory;

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    List<String> compileSourceRoots;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> compileClasspathElements;

    @Override
    File classesDirectory() {
        return classesDirectory;
    }

    @Override
    List<String> sourceRoots() {
        return compileSourceRoots;
    }

    @Override
    List<String> classpathElements() {
        return compileClasspathElements;
    }

    @Override
    String goal() {
        return "transform";
    }
}
