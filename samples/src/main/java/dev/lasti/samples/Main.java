package dev.lasti.samples;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the samples by name: {@code java -jar samples/target/lasti-samples.jar [name]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String name = args.length == 0 ? "tour" : args[0];
        switch (name) {
            case "tour", "sleepers" -> sleepers(100, Duration.ofSeconds(1));
            default -> {
                System.err.println("unknown sample: " + name + "; try: tour, sleepers");
                System.exit(2);
            }
        }
    }

    /** {@code count} concurrent sleeps of {@code each} on one loop thread finish in about {@code each}. */
    static void sleepers(int count, Duration each) {
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
        System.out.printf("sleepers: %d tasks each slept %.1f s on one loop thread; all done in %.2f s%n",
                done.size(), each.toMillis() / 1000.0, seconds);
    }
}
