package dev.lasti.net;

import static dev.lasti.net.LoopThread.then;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lasti.Future;
import dev.lasti.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Echo servers whose handlers read with {@link TcpStream#read(ByteBuffer)} into one buffer per connection
 * and write it back: byte-exact for many message and buffer sizes, in plain TCP and over TLS.
 */
class BufferEchoTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * Echoes with one buffer for the whole connection: read into it, write it out, clear, again. A loop of
     * callbacks with one promise for the end, not a chain of {@code then}s: a chain of 10,000 promises
     * would complete recursively at the end, deeper than the stack.
     */
    static Future<Void> echoInto(TcpStream stream, ByteBuffer buffer) {
        Promise<Void> done = new Promise<>();
        readAndEcho(stream, buffer, done);
        return done;
    }

    private static void readAndEcho(TcpStream stream, ByteBuffer buffer, Promise<Void> done) {
        buffer.clear();
        stream.read(buffer).whenDone(read -> {
            if (read.cause() != null || read.resultNow() < 0) {
                done.handle(null, read.cause());
                return;
            }
            buffer.flip();
            stream.write(buffer).whenDone(written -> {
                if (written.cause() != null) {
                    done.fail(written.cause());
                } else {
                    readAndEcho(stream, buffer, done);
                }
            });
        });
    }

    @Test
    void echoThroughOneBuffer_isByteExact_forManySizesAndBuffers() throws Exception {
        Random random = new Random(16);
        int[] sizes = {1, 2, 6, 7, 8, 100, 4095, 4096, 4097, 16_383, 16_384, 16_385, 65_536, 1 << 20,
            1 + random.nextInt(1 << 20)};
        echoes("a 7-byte heap buffer", n -> ByteBuffer.allocate(7), sizes, 20_000, random);
        echoes("a 4 KiB heap buffer", n -> ByteBuffer.allocate(4096), sizes, Integer.MAX_VALUE, random);
        echoes("a 64 KiB direct buffer", n -> ByteBuffer.allocateDirect(65_536), sizes, Integer.MAX_VALUE,
                random);
        // bytes must land where the buffer is, not at the start of its backing array
        echoes("a slice of a larger heap buffer", n -> ByteBuffer.allocate(1000).position(500).slice(),
                sizes, Integer.MAX_VALUE, random);
    }

    /** Sends each message (up to {@code maxSize}) to an echo server of buffers from {@code buffers}. */
    private static void echoes(String what, IntFunction<ByteBuffer> buffers, int[] sizes, int maxSize,
            Random random) throws Exception {
        try (LoopThread server = new LoopThread("echo-into")) {
            TcpServer echo = server.call(() -> TcpServer.listen(0, s -> echoInto(s, buffers.apply(0))));
            for (int size : sizes) {
                if (size > maxSize) {
                    continue;
                }
                byte[] message = new byte[size];
                random.nextBytes(message);
                assertArrayEquals(message, roundTrip(echo.localAddress(), message),
                        "echo of " + size + " bytes through " + what);
            }
        }
    }

    /** Writes {@code message} on a second thread (it may not fit in the socket buffers) and reads it back. */
    private static byte[] roundTrip(InetSocketAddress address, byte[] message) throws Exception {
        try (Socket client = new Socket(address.getAddress(), address.getPort())) {
            client.setSoTimeout(30_000);
            Thread writer = new Thread(() -> {
                try {
                    client.getOutputStream().write(message);
                    client.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            byte[] back = client.getInputStream().readAllBytes(); // to the server's close after our FIN
            writer.join(30_000);
            return back;
        }
    }

    @Test
    void tls_echoThroughOneBuffer_isByteExact_andCloseNotifyIsMinusOne() throws Exception {
        TlsServerSupport tls = new TlsServerSupport();
        Random random = new Random(7);
        try (LoopThread server = new LoopThread("tls-echo-into");
                LoopThread client = new LoopThread("tls-client")) {
            TcpServer echo = server.call(() -> tls.listen(s -> echoInto(s, ByteBuffer.allocate(1000))));
            for (int size : new int[] {1, 999, 1000, 1001, 16_384, 16_385, 300_000}) {
                byte[] message = new byte[size];
                random.nextBytes(message);
                byte[] back = client.await(() -> then(connectTls(echo), s -> {
                    Future<Void> sent = s.write(message);
                    return then(s.readExactly(size), bytes -> then(sent, done -> {
                        s.close();
                        return Future.completed(bytes);
                    }));
                }), WAIT);
                assertArrayEquals(message, back, "TLS echo of " + size + " bytes");
            }
            TcpServer bye = server.call(() -> tls.listen(s -> s.write("bye".getBytes(US_ASCII))));
            ByteBuffer into = ByteBuffer.allocate(100);
            String got = client.await(() -> then(connectTls(bye), s -> then(readToEnd(s, into), n -> {
                s.close();
                return Future.completed(new String(into.array(), 0, into.position(), US_ASCII) + "|" + n);
            })), WAIT);
            assertEquals("bye|-1", got, "close_notify ends the stream: -1");
        }
    }

    private static Future<Integer> readToEnd(TcpStream s, ByteBuffer into) {
        return then(s.read(into), n -> n < 0 ? Future.completed(n) : readToEnd(s, into));
    }

    private static Future<TcpStream> connectTls(TcpServer server) {
        return TcpStream.connectTls(server.localAddress(), "localhost", TlsFixture.LOCALHOST.clientContext(),
                WAIT);
    }
}
