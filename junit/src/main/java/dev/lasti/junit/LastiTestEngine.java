package dev.lasti.junit;

import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The JUnit Platform engine (id {@code lasti}) that finds and runs {@link AsyncTest} methods. Jupiter runs
 * only {@code void} test methods, so a method returning a {@code Future} needs an engine of its own; the
 * platform finds this one through {@code META-INF/services}, so Maven Surefire, Gradle and the IDEs run it
 * next to Jupiter with nothing to configure.
 */
public final class LastiTestEngine implements TestEngine {
    /** The engine's id, the first segment of its tests' unique ids. */
    public static final String ID = "lasti";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(Discovery::hasAsyncTests)
                    .addSelectorResolver(context -> new Discovery())
                    .build();

    /** Created by the platform's service loader. */
    public LastiTestEngine() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.lasti");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("lasti-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "lasti");
        RESOLVER.resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        for (TestDescriptor container : engine.getChildren()) {
            listener.executionStarted(container);
            for (TestDescriptor test : container.getChildren()) {
                listener.executionStarted(test);
                listener.executionFinished(test, ((AsyncMethodDescriptor) test).execute());
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }
}
