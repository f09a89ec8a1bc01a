package dev.lasti.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Rewrites the {@code @Async} methods of the test classes, in place, after they are compiled. */
@Mojo(name = "transform-test", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class TransformTestMojo extends AbstractTransformMojo {
    /** The folder of compiled test classes to rewrite. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    File testClassesDirectory;

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    List<String> testCompileSourceRoots;

    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    List<String> testClasspathElements;

    @Override
    File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    List<String> sourceRoots() {
        return testCompileSourceRoots;
    }

    @Override
    List<String> classpathElements() {
        return testClasspathElements;
    }

    @Override
    String goal() {
        return "transform-test";
    }
}
