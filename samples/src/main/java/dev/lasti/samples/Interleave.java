package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * S14 (seed 004): interleaving. Start fetching the next chunk, write and flush the current one, then await
 * the fetch: the fetch and the flush overlap. Tornado's example:
 *
 * <pre>
 * fetch_future = self.fetch_next_chunk()
 * while True:
 *     chunk = yield fetch_future
 *     if chunk is None: break
 *     self.write(chunk)
 *     fetch_future = self.fetch_next_chunk()
 *     yield self.flush()
 * </pre>
 */
public final class Interleave {
    static final Duration FETCH = Duration.ofMillis(100);
    static final Duration FLUSH = Duration.ofMillis(100);

    private Interleave() {}

    /** A source of {@code chunks} chunks, each taking {@link #FETCH} to arrive, then {@code null}. */
    static final class Source {
        private final int chunks;
        private int next;

        Source(int chunks) {
            this.chunks = chunks;
        }

        @Async
        Future<String> fetchNextChunk() {
            if (next == chunks) {
                return Future.completed(null);
            }
            int id = next++;
            await(EventLoop.sleep(FETCH));
            return Future.completed("chunk-" + id);
        }
    }

    /** A sink whose flush takes {@link #FLUSH}. */
    static final class Sink {
        final List<String> written = new ArrayList<>();

        void write(String chunk) {
            written.add(chunk);
        }

        Future<Void> flush() {
            return EventLoop.sleep(FLUSH);
        }
    }

    /** The interleaved copy, as in the seed. */
    @Async
    static Future<Integer> copyInterleaved(Source source, Sink sink) {
        Future<String> fetch = source.fetchNextChunk();
        while (true) {
            String chunk = await(fetch);
            if (chunk == null) {
                break;
            }
            sink.write(chunk);
            fetch = source.fetchNextChunk();
            await(sink.flush());
        }
        return Future.completed(sink.written.size());
    }

    /** The same copy without interleaving: fetch, then flush, one after the other. */
    @Async
    static Future<Integer> copySequential(Source source, Sink sink) {
        String chunk;
        while ((chunk = await(source.fetchNextChunk())) != null) {
            sink.write(chunk);
            await(sink.flush());
        }
        return Future.completed(sink.written.size());
    }

    /** Copies 5 chunks both ways and times them. */
    public static String run() {
        long start = System.nanoTime();
        int sequential = EventLoop.run(() -> copySequential(new Source(5), new Sink()));
        double sequentialSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int interleaved = EventLoop.run(() -> copyInterleaved(new Source(5), new Sink()));
        double interleavedSeconds = (System.nanoTime() - start) / 1e9;
        return String.format("%d chunks (fetch %d ms, flush %d ms): sequential %.2f s; interleaved %.2f s",
                interleaved, FETCH.toMillis(), FLUSH.toMillis(), sequentialSeconds, interleavedSeconds)
                + (sequential == interleaved ? "" : " (chunk counts differ!)");
    }
}
