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
        if (name.equals("tour")) {
            for (Sample s : Sample.ALL) {
                runOne(s);
            }
            return;
        }
        for (Sample s : Sample.ALL) {
            if (s.name().equals(name)) {
                runOne(s);
                return;
            }
        }
        System.err.println("unknown sample: " + name + "; try one of: tour " + Sample.names());
        System.exit(2);
    }

    private static void runOne(Sample s) {
        System.out.printf("%-16s %-4s %s%n", s.name(), s.row(), s.summary());
        System.out.printf("%-21s -> %s%n", "", s.body().get());
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
