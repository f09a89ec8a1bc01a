package dev.lasti.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.transformer.internal.RuntimeNames;
import dev.lasti.transformer.testkit.InMemoryCompiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The frame format check: a frame class stamped with another format than the runtime's fails at its first
 * suspension with one message naming both formats and the fix; the format the transformer writes runs.
 */
class FormatVersionTest {
    private static final String SOURCE = """
            package gen;
            import static dev.lasti.Await.await;
            import dev.lasti.Async;
            import dev.lasti.Future;
            public class Fmt {
                @Async
                public static Future<Integer> plusOne(Future<Integer> f) {
                    return Future.completed(await(f) + 1);
                }
            }
            """;

    @Test
    void theFormatTheTransformerWrites_runs() throws Exception {
        Method plusOne = load(0).getMethod("plusOne", Future.class);
        int value = EventLoop.run(() -> {
            Promise<Integer> p = new Promise<>();
            Future<Integer> task = invoke(plusOne, p);
            EventLoop.current().execute(() -> p.complete(41));
            return task;
        });
        assertEquals(42, value);
    }

    @Test
    void aNewerFormat_failsAtTheFirstSuspension_namingBothFormatsAndTheFix() throws Exception {
        String message = firstSuspensionError(+1);
        assertTrue(message.contains("frame format " + (RuntimeNames.FORMAT_VERSION + 1)), message);
        assertTrue(message.contains("understands frame format " + RuntimeNames.FORMAT_VERSION), message);
        assertTrue(message.contains("a newer lasti transformer than this runtime"), message);
        assertTrue(message.contains("gen.Fmt$plusOne$Frame") && message.contains("Fmt.plusOne"), message);
        assertTrue(message.contains("lasti-maven-plugin") && message.contains("lasti-runtime dependency"), message);
    }

    @Test
    void anOlderFormat_failsTheSameWay() throws Exception {
        String message = firstSuspensionError(-1);
        assertTrue(message.contains("frame format " + (RuntimeNames.FORMAT_VERSION - 1)), message);
        assertTrue(message.contains("an older lasti transformer than this runtime"), message);
    }

    @Test
    void aDoneFutureNeverTouchesTheFrameClass_soTheFastPathPaysNothing() throws Exception {
        Method plusOne = load(+1).getMethod("plusOne", Future.class);
        Future<Integer> done = invoke(plusOne, Future.completed(1));
        assertEquals(2, done.resultNow());
    }

    private static String firstSuspensionError(int delta) throws Exception {
        Method plusOne = load(delta).getMethod("plusOne", Future.class);
        IncompatibleClassChangeError e = assertThrows(IncompatibleClassChangeError.class,
                () -> EventLoop.run(() -> invoke(plusOne, new Promise<Integer>())));
        return e.getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Future<Integer> invoke(Method m, Future<Integer> arg) {
        try {
            return (Future<Integer>) m.invoke(null, arg);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** gen.Fmt, transformed, with its frame class's format stamp moved by {@code delta}. */
    private static Class<?> load(int delta) throws ClassNotFoundException {
        Map<String, byte[]> classes = new HashMap<>();
        for (Map.Entry<String, byte[]> e : InMemoryCompiler.compile(Map.of("gen.Fmt", SOURCE)).entrySet()) {
            TransformResult.Transformed t = assertInstanceOf(TransformResult.Transformed.class,
                    ClassTransformer.create().transform(e.getValue(), e.getKey() + ".class"));
            classes.put(e.getKey(), t.classBytes());
            t.frameClasses().forEach((name, bytes) -> classes.put(name, restamp(bytes, delta)));
        }
        assertEquals(2, classes.size(), classes.keySet().toString());
        return new ClassLoader(FormatVersionTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.loadClass("gen.Fmt");
    }

    /** Rewrites the format constant that the static initializer passes to Frame.checkFormat. */
    private static byte[] restamp(byte[] frameClass, int delta) {
        ClassWriter cw = new ClassWriter(0);
        int[] rewritten = {0};
        new ClassReader(frameClass).accept(new ClassVisitor(Opcodes.ASM9, cw) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                if (!name.equals("<clinit>")) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitLdcInsn(Object value) {
                        if (Integer.valueOf(RuntimeNames.FORMAT_VERSION).equals(value)) {
                            rewritten[0]++;
                            value = RuntimeNames.FORMAT_VERSION + delta;
                        }
                        super.visitLdcInsn(value);
                    }
                };
            }
        }, 0);
        assertEquals(1, rewritten[0], "the frame class's <clinit> passes the format once");
        return cw.toByteArray();
    }
}
