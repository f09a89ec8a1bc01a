package dev.lasti.transformer.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.lasti.transformer.ClassTransformer;
import dev.lasti.transformer.TransformResult;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import dev.lasti.transformer.testkit.TransformingClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Errors about a method without code (abstract, native, an interface method without a body) carry the best
 * honest line: the class file has none for such a method, so the next method's first line (the declaration
 * is above it) or the previous method's last line, and the message says which.
 */
class MethodLinesTest {
    private static final String NL = System.lineSeparator();
    private static final String NOTE_ABOVE = ", the start of the next method: the class file has no line for a"
            + " method without code)";
    private static final String HEADER = "package p;\n"                                         // 1
            + "import static dev.lasti.Await.await;\n"                                            // 2
            + "import dev.lasti.Async;\n"                                                         // 3
            + "import dev.lasti.Future;\n";                                                       // 4

    private static List<String> errors(byte[] bytes) {
        TransformResult result = ClassTransformer.create().transform(bytes, "X.class");
        TransformResult.Failed failed = assertInstanceOf(TransformResult.Failed.class, result, result::toString);
        return failed.diagnostics().stream().map(d -> d.format("src/" + d.sourceFile())).toList();
    }

    private static List<String> errors(String name, String body) {
        return errors(InMemoryCompiler.compile(Map.of("p." + name, HEADER + body)).get("p/" + name));
    }

    @Test
    void abstractAndNativeMethods_areReportedAboveTheNextMethodsFirstLine() {
        List<String> errors = errors(TransformingClassLoader.compiled(BadAsyncMethods.class));
        assertEquals("src/BadAsyncMethods.java:18: error: @Async on abstract method BadAsyncMethods.abstractMethod()"
                + " (declared above line 18" + NOTE_ABOVE + NL + "  hint: annotate the implementations instead;"
                + " an abstract method has no body to transform", errors.get(0));
        assertEquals("src/BadAsyncMethods.java:18: error: @Async on native method BadAsyncMethods.nativeMethod()"
                + " (declared above line 18" + NOTE_ABOVE + NL + "  hint: remove the annotation", errors.get(1));
    }

    @Test
    void interfaceMethodWithoutABody_isReportedAboveTheNextMethod_orBelowThePreviousOne() {
        assertEquals(List.of("src/I.java:9: error: @Async on abstract method I.m() (declared above line 9"
                + NOTE_ABOVE + NL + "  hint: annotate the implementations instead; an abstract method has no body to"
                + " transform"), errors("I", """
                public interface I {
                    @Async
                    Future<String> m();
                    default Future<String> plain() {
                        return null;
                    }
                }
                """));
        assertEquals(List.of("src/J.java:7: error: @Async on abstract method J.m() (declared below line 7, the end"
                + " of the previous method: the class file has no line for a method without code)" + NL
                + "  hint: annotate the implementations instead; an abstract method has no body to transform"),
                errors("J", """
                public interface J {
                    @Async default Future<String> plain(Future<String> f) {
                        return Future.completed(await(f));
                    }
                    @Async
                    Future<String> m();
                }
                """));
    }

    @Test
    void aClassWithNoLineAnywhere_reportsTheFileOnly() {
        assertEquals(List.of("src/K.java: error: @Async on abstract method K.m()" + NL
                + "  hint: annotate the implementations instead; an abstract method has no body to transform"),
                errors("K", """
                public interface K {
                    @Async
                    Future<String> m();
                }
                """));
    }
}
