package dev.lasti;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method for the lasti transformer. The method must return {@link Future}, {@link
 * java.util.concurrent.CompletionStage} or {@link java.util.concurrent.CompletableFuture}; inside it,
 * {@link Await#await(Future)} suspends the call instead of blocking.
 *
 * <p>Class retention: the transformer reads it from the class file, the JVM never needs it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
