package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Future;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import dev.lasti.transformer.testkit.Schedule;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit path a program generator uses: compile in memory, transform all, load verified, run. */
class TestkitTest {
    @Test
    void generatedProgram_compilesTransformsAndRunsUnderASchedule() throws Exception {
        String source = """
                package gen;

                import static dev.lasti.Await.await;
                import static dev.lasti.transformer.testkit.Schedule.*;
                import dev.lasti.Async;
                import dev.lasti.Future;

                public class P1 {
                    @Async
                    public static Future<Object> main() {
                        long sum = 0;
                        for (int i = 0; i < 3; i++) {
                            sum += await(value(i * 10L));
                            trace("step " + i);
                        }
                        return Future.completed(sum);
                    }
                }
                """;
        TransformingClassLoader loader = TransformingClassLoader.transformAll(
                InMemoryCompiler.compile(Map.of("gen.P1", source)));
        Method main = loader.loadClass("gen.P1").getMethod("main");
        Schedule.Outcome outcome = Schedule.run(new Schedule.Mode.Random(7), () -> {
            try {
                return (Future<?>) main.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(new Schedule.Outcome("30", null, List.of("step 0", "step 1", "step 2")), outcome);
    }
}
