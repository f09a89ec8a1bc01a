package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * S12 (seed 004): a callback-style API wrapped into a future, like Tornado's {@code gen.Task}. The legacy
 * API calls back on its own thread; the coroutine still resumes on the loop thread. Seed 004:
 *
 * <pre>
 * &#64;gen.coroutine
 * def call_task():
 *     # This will be translated by Task into some_function(other_args, callback=callback)
 *     yield gen.Task(some_function, other_args)
 * </pre>
 */
public final class CallbackWrap {
    private CallbackWrap() {}

    /** A library that predates futures: it answers through a callback, later, on its own thread. */
    static final class LegacyDirectory implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        void lookup(String user, BiConsumer<String, Throwable> callback) {
            timer.schedule(() -> {
                if (user.isEmpty()) {
                    callback.accept(null, new IllegalArgumentException("empty user name"));
                } else {
                    callback.accept(user + "@example.org", null);
                }
            }, 100, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** The wrapped call: straight-line code over the callback API. */
    @Async
    static Future<String> mailOf(LegacyDirectory directory, String user) {
        String mail = await(Future.<String>fromCallback(p -> directory.lookup(user, p::handle)));
        return Future.completed(mail + " (resumed on " + Thread.currentThread().getName() + ")");
    }

    /** Looks up one user and one bad name. */
    public static String run() {
        try (LegacyDirectory directory = new LegacyDirectory()) {
            String ok = EventLoop.run(() -> mailOf(directory, "ada"));
            String bad;
            try {
                bad = EventLoop.run(() -> mailOf(directory, ""));
            } catch (IllegalArgumentException e) {
                bad = "failed with " + e.getMessage();
            }
            return "callback API as a future: " + ok + "; " + bad;
        }
    }
}
