package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * S15 (seed 004): a loop whose condition awaits, like Motor's {@code while (yield cursor.fetch_next)}. The
 * cursor fetches documents in batches; only the first document of each batch makes the loop wait. Seed 004:
 *
 * <pre>
 * &#64;gen.coroutine
 * def loop_example(collection):
 *     cursor = db.collection.find()
 *     while (yield cursor.fetch_next):
 *         doc = cursor.next_object()
 * </pre>
 */
public final class Looping {
    private Looping() {}

    /** A database cursor stand-in that fetches {@code batch} documents per round trip. */
    static final class Cursor {
        private final int total;
        private final int batch;
        private final List<String> buffer = new ArrayList<>();
        private Iterator<String> current = List.<String>of().iterator();
        private int fetched;
        int roundTrips;

        Cursor(int total, int batch) {
            this.total = total;
            this.batch = batch;
        }

        /** True if another document is available; a round trip only when the batch is used up. */
        Future<Boolean> fetchNext() {
            if (current.hasNext()) {
                return Future.completed(true);
            }
            if (fetched == total) {
                return Future.completed(false);
            }
            roundTrips++;
            Future<Void> trip = EventLoop.sleep(Duration.ofMillis(20));
            dev.lasti.Promise<Boolean> more = new dev.lasti.Promise<>();
            trip.whenDone(f -> {
                buffer.clear();
                for (int i = 0; i < batch && fetched < total; i++) {
                    buffer.add("doc-" + fetched++);
                }
                current = buffer.iterator();
                more.complete(true);
            });
            return more;
        }

        String nextObject() {
            return current.next();
        }
    }

    /** {@code while (await(cursor.fetchNext())) { doc = cursor.nextObject(); ... }} */
    @Async
    static Future<List<String>> readAll(Cursor cursor) {
        List<String> docs = new ArrayList<>();
        while (await(cursor.fetchNext())) {
            docs.add(cursor.nextObject());
        }
        return Future.completed(docs);
    }

    /** Reads 25 documents in batches of 10. */
    public static String run() {
        Cursor cursor = new Cursor(25, 10);
        List<String> docs = EventLoop.run(() -> readAll(cursor));
        return "while (await(cursor.fetchNext())) read " + docs.size() + " documents in " + cursor.roundTrips
                + " round trips, first " + docs.get(0) + ", last " + docs.get(docs.size() - 1);
    }
}
