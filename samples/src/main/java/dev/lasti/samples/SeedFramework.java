package dev.lasti.samples;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * G3 (seed 000): the seed's own coroutine framework, on lasti generators and a bare {@link Selector}, without
 * lasti's event loop. A request is a generator that yields a {@link SeedFuture} whenever it must wait for its
 * socket; {@link Task#step} is the seed's {@code fut = self.coro.send(None); fut.add_done_callback(self.step)};
 * the loop is the seed's {@code while COUNT: for key in selector.select(): key.data.set_result(None)}. Two
 * requests to the 1 s server take about 1 s: the step the seed takes from generators to coroutines.
 */
public final class SeedFramework {
    private SeedFramework() {}

    /** The seed's {@code Future}: a result slot and its callbacks. */
    static final class SeedFuture {
        private final List<Runnable> callbacks = new ArrayList<>();

        void setResult(Object unused) {
            for (Runnable callback : List.copyOf(callbacks)) {
                callback.run();
            }
        }

        void addDoneCallback(Runnable callback) {
            callbacks.add(callback);
        }
    }

    /** The seed's {@code Task}: drives a generator of futures. */
    record Task(Generator<SeedFuture> coro) {
        void step() {
            SeedFuture fut;
            try {
                fut = coro.send(null);
            } catch (NoSuchElementException stopIteration) {
                return;
            }
            fut.addDoneCallback(this::step);
        }
    }

    /** The seed's {@code request(selector)}: connect, send the raw GET, read the answer; yield at each wait. */
    @Generates
    static Generator<SeedFuture> request(Selector selector, InetSocketAddress address, List<String> out,
                                         int[] count) {
        try (SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            sock.connect(address);
            SeedFuture fut = new SeedFuture();
            SelectionKey key = sock.register(selector, SelectionKey.OP_CONNECT, fut);
            count[0]++;
            Yield.yield(fut);
            sock.finishConnect();
            ByteBuffer request = ByteBuffer.wrap(RawHttp.REQUEST);
            while (request.hasRemaining()) {
                fut = new SeedFuture();
                key.interestOps(SelectionKey.OP_WRITE).attach(fut);
                Yield.yield(fut);
                sock.write(request);
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            while (!RawHttp.isComplete(received)) {
                fut = new SeedFuture();
                key.interestOps(SelectionKey.OP_READ).attach(fut);
                Yield.yield(fut);
                chunk.clear();
                if (sock.read(chunk) < 0) {
                    throw new IOException("the server closed before the response was complete");
                }
                received.write(chunk.array(), 0, chunk.position());
            }
            key.cancel();
            count[0]--;
            out.add(RawHttp.summary(RawHttp.text(received)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Yield.done();
    }

    /** Two tasks, one selector loop, as in the seed. */
    static String fetchTwo(InetSocketAddress address) throws IOException {
        List<String> out = new ArrayList<>();
        int[] count = {0};
        try (Selector selector = Selector.open()) {
            new Task(request(selector, address, out, count)).step();
            new Task(request(selector, address, out, count)).step();
            while (count[0] > 0) {
                selector.select();
                for (SelectionKey key : List.copyOf(selector.selectedKeys())) {
                    if (key.isValid()) {
                        ((SeedFuture) key.attachment()).setResult(null);
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        return String.join(", ", out);
    }

    static String run() {
        try (SlowServer server = SlowServer.start()) {
            long start = System.nanoTime();
            String responses = fetchTwo(server.address());
            return String.format("2 requests, generators on a selector: %.2f s; %s", Seconds.since(start), responses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
