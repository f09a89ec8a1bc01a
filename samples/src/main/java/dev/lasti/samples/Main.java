package dev.lasti.samples;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the samples by name: {@code java -jar samples/target/lasti-samples.jar [name]}, or all of them with
 * {@code tour} (the default). Exits with 1 if a sample failed, 2 for an unknown name.
 */
public final class Main {
    private Main() {}

    /** Runs {@code tour} or the sample named by the first argument. */
    public static void main(String[] args) {
        String name = args.length == 0 ? "tour" : args[0];
        List<Sample> chosen = select(name);
        if (chosen.isEmpty()) {
            System.err.println("unknown sample: " + name + "; try one of: tour " + Sample.names());
            System.exit(2);
        }
        int failed = Tour.run(chosen, System.out);
        // Exit explicitly: HttpClient and worker threads of a failed sample must not keep the JVM up.
        System.exit(failed == 0 ? 0 : 1);
    }

    /** All samples for {@code tour}, else the one with that name, else none. */
    static List<Sample> select(String name) {
        if (name.equals("tour")) {
            return Sample.ALL;
        }
        return Sample.ALL.stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
    }

    /** {@code count} concurrent sleeps of {@code each} on one loop thread finish in about {@code each}. */
    static String sleepers(int count, Duration each) {
        long start = System.nanoTime();
        List<Integer> done = EventLoop.run(() -> {
            List<Future<Integer>> sleeps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int id = i;
                Future<Integer> slept = new dev.lasti.Promise<>();
                EventLoop.sleep(each).whenDone(f -> ((dev.lasti.Promise<Integer>) slept).complete(id));
                sleeps.add(slept);
            }
            return Future.all(sleeps);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("%d tasks each slept %.1f s on one loop thread; all done in %.2f s",
                done.size(), each.toMillis() / 1000.0, seconds);
    }
}
