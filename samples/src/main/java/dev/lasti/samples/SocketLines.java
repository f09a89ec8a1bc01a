package dev.lasti.samples;

import static dev.lasti.Await.await;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lasti.Async;
import dev.lasti.AsyncGenerator;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Generates;
import dev.lasti.Yield;
import dev.lasti.net.StreamClosedException;
import dev.lasti.net.TcpServer;
import dev.lasti.net.TcpStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * G5: an async generator, an {@code @Async @Generates} method that both awaits and yields: the lines of a
 * {@link TcpStream}, each handed out as soon as it has arrived, consumed by a loop whose condition awaits
 * (seed 004's {@code while (yield cursor.fetch_next)}, Python's {@code async for line in lines(stream)}).
 */
public final class SocketLines {
    static final byte[] NEWLINE = {'\n'};
    static final int MAX_LINE = 8192;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private SocketLines() {}

    /** The lines of {@code stream} without their newline; returns how many there were. */
    @Async
    @Generates
    static AsyncGenerator<String> lines(TcpStream stream) {
        int count = 0;
        while (true) {
            byte[] line;
            try {
                line = await(stream.readUntil(NEWLINE, MAX_LINE), StreamClosedException.class);
            } catch (StreamClosedException end) {
                line = null;
            }
            if (line == null) {
                byte[] rest = await(stream.read(MAX_LINE)); // a last line without its newline, if any
                if (rest.length > 0) {
                    count++;
                    Yield.yield(new String(rest, UTF_8));
                }
                return AsyncGenerator.done(count);
            }
            count++;
            Yield.yield(new String(line, 0, line.length - 1, UTF_8));
        }
    }

    /** The server side: writes {@code lines}, one every {@code gap}, then closes. */
    @Async
    static Future<Void> slowWriter(TcpStream stream, List<String> lines, Duration gap) {
        for (String line : lines) {
            await(EventLoop.sleep(gap));
            await(stream.write(line.getBytes(UTF_8)));
        }
        return Future.completed(null);
    }

    /** What the consumer saw: each line with the milliseconds since the start at which it came out. */
    record Seen(List<String> lines, List<Long> atMillis, int returned) {}

    /** Connects to a server writing {@code lines} and consumes them with an awaiting loop. */
    @Async
    static Future<Seen> consume(List<String> lines, Duration gap) {
        TcpServer server = TcpServer.listen(0, stream -> slowWriter(stream, lines, gap));
        long t0 = System.nanoTime();
        TcpStream stream = await(TcpStream.connect(server.localAddress(), CONNECT_TIMEOUT));
        List<String> got = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        try {
            AsyncGenerator<String> reader = lines(stream);
            while (await(reader.hasNext())) {
                got.add(reader.next());
                at.add((System.nanoTime() - t0) / 1_000_000);
            }
            int returned = reader.returnValue();
            return Future.completed(new Seen(got, at, returned));
        } finally {
            stream.close();
            server.close();
        }
    }

    static String run() {
        Seen seen = EventLoop.run(() -> consume(List.of("first\n", "second\n", "third, without a newline"),
                Duration.ofMillis(200)));
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < seen.lines().size(); i++) {
            shown.add("\"" + seen.lines().get(i) + "\" at " + seen.atMillis().get(i) + " ms");
        }
        return "an async generator of socket lines, consumed by while (await(lines.hasNext())): "
                + String.join(", ", shown) + "; it returned " + seen.returned() + " (lines)";
    }
}
