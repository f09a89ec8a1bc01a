package dev.lasti;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generator method for the lasti transformer, the way {@link Async} marks async methods. The method
 * must return {@link Generator}; inside it, {@link Yield#yield(Object) Yield.yield(x)} hands {@code x} to the
 * consumer and suspends the call until the next {@link Generator#next()} or {@link Generator#send(Object)},
 * and {@link Yield#done(Object) return Yield.done(v)} ends it with a return value.
 * <pre>{@code
 * @Generates
 * static Generator<String> useYield() {
 *     System.out.println("enter the func");
 *     String got = Yield.yield("hello");
 *     System.out.println("got:  " + got);
 *     return Yield.done(got);
 * }
 * }</pre>
 * Calling the method runs none of its body: it returns a {@link Generator.State#CREATED} generator holding the
 * arguments, and the body starts at the first {@code next()}, as in Python.
 *
 * <p>Class retention: the transformer reads it from the class file, the JVM never needs it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Generates {}
