package dev.lasti.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Starts virtual threads without compile-time JDK 21 API, because the project compiles with {@code --release
 * 17}: {@code Thread.ofVirtual().start(task)} is looked up through method handles at run time.
 */
public final class VirtualThreads {
    /** {@code Thread.ofVirtual()} bound to {@code Thread.Builder.start(Runnable)}; null before JDK 21. */
    private static final MethodHandle START = lookup();

    private VirtualThreads() {}

    /** Returns {@code true} if this JVM has virtual threads (JDK 21 or later). */
    public static boolean available() {
        return START != null;
    }

    /** A one-line reason to print when a virtual-thread peer is skipped. */
    public static String skipMessage() {
        return "virtual threads need JDK 21+, this is " + System.getProperty("java.version")
                + " (run.sh uses /usr/lib/jvm/temurin-25-jdk-amd64)";
    }

    /**
     * Starts {@code task} in a new virtual thread.
     *
     * @throws UnsupportedOperationException before JDK 21
     */
    public static Thread start(Runnable task) {
        if (START == null) {
            throw new UnsupportedOperationException("skipped: " + skipMessage());
        }
        try {
            return (Thread) START.invoke(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Thread.ofVirtual().start failed", t);
        }
    }

    private static MethodHandle lookup() {
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            MethodHandle start = lookup.findVirtual(builder, "start", MethodType.methodType(Thread.class, Runnable.class));
            // start(ofVirtual(), task): a fresh builder per thread, as the builders are not thread-safe
            return MethodHandles.foldArguments(
                    start.asType(MethodType.methodType(Thread.class, ofVirtualType, Runnable.class)), ofVirtual);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null; // JDK 17..20
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
