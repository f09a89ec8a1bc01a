package dev.lasti.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Debug metadata the transformer puts on each generated frame class, so the runtime can say "suspended at
 * Orders.java:42" and build async stack traces. {@code javap -v} shows it too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FrameInfo {
    /** The source file of the async method, as in its class's SourceFile attribute. */
    String source();

    /** The owner class's binary name, dotted. */
    String owner();

    /** The method name and descriptor, e.g. {@code placeOrder(Ljava/lang/String;)Ldev/lasti/Future;}. */
    String method();

    /** The source line of each await: element {@code k - 1} is the line of resume point {@code k}. */
    int[] lines();
}
