package dev.lasti.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a test method that runs on a fresh lasti event loop of its own, until the {@link dev.lasti.Future}
 * it returns is done (Kotlin's {@code runTest}, for lasti). The method may return a {@code Future} (usually
 * it is also {@link dev.lasti.Async @Async}) or {@code void}; it takes no parameters.
 *
 * <pre>{@code
 * import dev.lasti.junit.AsyncTest;
 *
 * class CacheTest {
 *     @AsyncTest @Async
 *     Future<Void> entriesExpireAfterAnHour() {
 *         cache.put("k", "v");
 *         await(EventLoop.sleep(Duration.ofHours(1)));   // virtual time: no real wait
 *         assertNull(cache.get("k"));
 *         return Future.completed(null);
 *     }
 * }
 * }</pre>
 *
 * <p>The loop runs in {@link dev.lasti.VirtualTime virtual time} unless {@link #realTime()} is set. The test
 * fails, besides failing by itself, when it does not finish within {@link #timeoutMillis()} of real time,
 * when it leaves a failed future whose failure nobody retrieved, when tasks are still suspended on its loop
 * as its future completes, and when one iteration of its loop stays busy longer than {@link
 * #blockedMillis()}.
 *
 * <p>lasti's own JUnit Platform engine (id {@code lasti}) runs these methods, not Jupiter, which executes
 * only {@code void} test methods: Jupiter's {@code @BeforeEach} and extensions do not apply to them. Each
 * method runs on a new instance of its class, made with the no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Testable
public @interface AsyncTest {
    /** Run on the system clock instead of virtual time: for tests that wait for other threads or real I/O. */
    boolean realTime() default false;

    /** Fail the test if it has not finished after this much real time, in either clock. Default 10 s. */
    long timeoutMillis() default 10_000;

    /** Fail the test if one loop iteration stays busy this long (real time). Default 1 s; 0 turns it off. */
    long blockedMillis() default 1_000;
}
