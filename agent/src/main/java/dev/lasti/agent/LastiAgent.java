package dev.lasti.agent;

import dev.lasti.transformer.ClassTransformer;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points, named by its jar's manifest: {@code java -javaagent:lasti-agent-VERSION.jar ...}
 * rewrites every {@code @Async} method as its class loads, with the same transformer the build-time pass
 * uses. The only option is {@code verbose} ({@code -javaagent:lasti-agent.jar=verbose}), which prints one
 * line per rewritten class on standard error.
 */
public final class LastiAgent {
    private LastiAgent() {}

    /**
     * Installs the agent before {@code main} runs.
     *
     * @param options the text after {@code =} in the {@code -javaagent} flag, or {@code null}
     * @param instrumentation given by the JVM
     * @throws IllegalArgumentException on an unknown option, which stops the JVM before {@code main}
     */
    public static void premain(String options, Instrumentation instrumentation) {
        install(AgentOptions.parse(options), instrumentation);
    }

    /**
     * Installs the agent into a running JVM (attach API). Only classes loaded from then on are rewritten:
     * the agent does not retransform, so classes already loaded keep their untransformed code.
     *
     * @param options as for {@link #premain}
     * @param instrumentation given by the JVM
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        install(AgentOptions.parse(options), instrumentation);
    }

    private static void install(AgentOptions options, Instrumentation instrumentation) {
        FrameDefiner definer = LoaderDefiner.open(instrumentation);
        LoadTimeTransformer transformer = new LoadTimeTransformer(ClassTransformer.create(), definer,
                new Reporter(System.err, options.verbose()));
        instrumentation.addTransformer(transformer, /* canRetransform = */ false);
    }
}
