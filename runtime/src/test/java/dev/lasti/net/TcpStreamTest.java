package dev.lasti.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TcpStream against a plain blocking socket peer on the test thread. */
class TcpStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] CRLF = "\r\n".getBytes(US_ASCII);

    private StreamPair pair;
    private LoopThread lt;
    private ServerSocket listener;
    private Socket peer;
    private TcpStream stream;

    @BeforeEach
    void connect() throws IOException {
        pair = StreamPair.open("tcp-stream-test", WAIT);
        lt = pair.loop();
        listener = pair.listener();
        peer = pair.peer();
        stream = pair.stream();
    }

    @AfterEach
    void tearDown() throws Exception {
        pair.close();
    }

    @Test
    void readUntil_findsDelimiterSplitAcrossChunks_andKeepsTheRest() throws Exception {
        OutputStream out = peer.getOutputStream();
        Thread writer = new Thread(() -> {
            try {
                for (String part : new String[] {"hel", "lo\r", "\nrest"}) {
                    out.write(part.getBytes(US_ASCII));
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        byte[] line = lt.await(() -> stream.readUntil(CRLF, 100), WAIT);
        writer.join();
        assertEquals("hello\r\n", new String(line, US_ASCII));
        assertEquals("rest", new String(lt.await(() -> stream.read(100), WAIT), US_ASCII));
    }

    @Test
    void readUntil_failsWithReadLimit_whenMaxBytesPassWithoutDelimiter() throws Exception {
        peer.getOutputStream().write("a".repeat(100).getBytes(US_ASCII));
        Throwable failure = lt.failureOf(() -> stream.readUntil(CRLF, 10), WAIT);
        assertInstanceOf(ReadLimitException.class, failure);
    }

    @Test
    void readExactly_failsAtEof_andTheBytesThatCameStayReadable() throws Exception {
        peer.getOutputStream().write("abc".getBytes(US_ASCII));
        peer.shutdownOutput();
        Throwable failure = lt.failureOf(() -> stream.readExactly(5), WAIT);
        assertInstanceOf(StreamClosedException.class, failure);
        assertEquals("abc", new String(lt.await(() -> stream.read(10), WAIT), US_ASCII));
        assertEquals(0, lt.await(() -> stream.read(10), WAIT).length, "read at EOF gives an empty array");
        assertEquals(0, lt.await(() -> stream.read(10), WAIT).length, "and keeps giving it");
    }

    @Test
    void write_staysPending_whilePeerDoesNotRead() throws Exception {
        byte[] big = new byte[32 * 1024 * 1024]; // far beyond loopback socket buffers
        big[big.length - 1] = 7;
        AtomicReference<Future<Void>> write = new AtomicReference<>();
        lt.call(() -> write.getAndSet(stream.write(big)));
        Thread.sleep(300);
        assertFalse(write.get().isDone(), "the write must wait for the peer to read");

        InputStream in = peer.getInputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int last = -1;
        while (total < big.length) {
            int n = in.read(buf);
            total += n;
            last = buf[n - 1];
        }
        assertEquals(big.length, total);
        assertEquals(7, last);
        lt.await(write::get, WAIT); // completes now that the peer has read everything
    }

    @Test
    void shutdownOutput_halfClosesButStillReads() throws Exception {
        lt.await(() -> {
            stream.write("ping".getBytes(US_ASCII));
            return stream.shutdownOutput();
        }, WAIT);
        InputStream in = peer.getInputStream();
        assertEquals("ping", new String(in.readAllBytes(), US_ASCII), "peer reads up to our FIN");
        peer.getOutputStream().write("pong".getBytes(US_ASCII));
        peer.close();
        assertEquals("pong", new String(lt.await(() -> stream.readExactly(4), WAIT), US_ASCII));
        Throwable failure = lt.failureOf(() -> stream.write(new byte[1]), WAIT);
        assertInstanceOf(StreamClosedException.class, failure, "no writes after shutdownOutput");
    }

    @Test
    void operationsAfterClose_failWithStreamClosed_andPendingReadFailsOnClose() {
        AtomicReference<Future<byte[]>> pending = new AtomicReference<>();
        lt.call(() -> {
            pending.set(stream.read(10));
            stream.close();
            return null;
        });
        assertInstanceOf(StreamClosedException.class, lt.failureOf(pending::get, WAIT));
        List<Throwable> failures = new ArrayList<>();
        failures.add(lt.failureOf(() -> stream.read(1), WAIT));
        failures.add(lt.failureOf(() -> stream.readExactly(1), WAIT));
        failures.add(lt.failureOf(() -> stream.readUntil(CRLF, 10), WAIT));
        failures.add(lt.failureOf(() -> stream.write(new byte[1]), WAIT));
        failures.add(lt.failureOf(() -> stream.shutdownOutput(), WAIT));
        for (Throwable f : failures) {
            assertInstanceOf(StreamClosedException.class, f);
            assertTrue(f.getMessage().contains("closed"), f.getMessage());
        }
    }

    @Test
    void peerReset_failsPendingRead_withTheResetAsCause() throws Exception {
        AtomicReference<Future<byte[]>> pending = new AtomicReference<>();
        lt.call(() -> pending.getAndSet(stream.readExactly(10)));
        peer.setSoLinger(true, 0); // close with RST instead of FIN
        peer.close();
        Throwable failure = lt.failureOf(pending::get, WAIT);
        assertInstanceOf(StreamClosedException.class, failure);
        assertNotNull(failure.getCause(), "the reset is the cause");
    }

    @Test
    void secondConcurrentRead_isRefused_untilTheFirstIsCancelled() throws Exception {
        AtomicReference<Future<byte[]>> first = new AtomicReference<>();
        Throwable failure = lt.failureOf(() -> {
            first.set(stream.read(1));
            return stream.read(1);
        }, WAIT);
        assertInstanceOf(IllegalStateException.class, failure);
        assertTrue(first.get().cancel());
        peer.getOutputStream().write('z');
        assertEquals('z', lt.await(() -> stream.read(1), WAIT)[0], "the byte goes to the new read");
    }

    @Test
    void writesInOrder_manySmallWritesArriveWhole() throws Exception {
        lt.call(() -> {
            for (int i = 0; i < 1000; i++) {
                stream.write(new byte[] {(byte) i});
            }
            return stream.shutdownOutput();
        });
        byte[] got = peer.getInputStream().readAllBytes();
        assertEquals(1000, got.length);
        for (int i = 0; i < 1000; i++) {
            assertEquals((byte) i, got[i]);
        }
    }

    @Test
    void connect_failsWithConnectException_whenNothingListens() throws IOException {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        Throwable failure = lt.failureOf(() -> TcpStream.connect(closed, WAIT), WAIT);
        assertInstanceOf(ConnectException.class, failure);
    }

    /**
     * On Linux a listener whose accept queue is full drops new SYNs, so a connect to it hangs until the
     * client gives up: a real connect timeout on loopback. Skipped where the kernel behaves otherwise.
     */
    @Test
    void connect_timesOut_againstListenerWithFullBacklog() throws IOException {
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            boolean saturated = false;
            for (int i = 0; i < 20 && !saturated; i++) {
                Socket s = new Socket();
                fillers.add(s);
                try {
                    s.connect(full.getLocalSocketAddress(), 300);
                } catch (SocketTimeoutException e) {
                    saturated = true;
                }
            }
            Assumptions.assumeTrue(saturated, "this kernel accepts connects beyond the backlog");
            InetSocketAddress address = (InetSocketAddress) full.getLocalSocketAddress();
            long start = System.nanoTime();
            Throwable failure = lt.failureOf(() -> TcpStream.connect(address, Duration.ofMillis(300)), WAIT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(SocketTimeoutException.class, failure);
            assertTrue(millis >= 250 && millis < 5_000, "timed out after " + millis + " ms");
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void connect_staysConnected_afterItsTimeoutWouldHaveFired() throws Exception {
        InetSocketAddress address = (InetSocketAddress) listener.getLocalSocketAddress();
        TcpStream other = lt.await(() -> TcpStream.connect(address, Duration.ofMillis(100)), WAIT);
        try (Socket otherPeer = listener.accept()) {
            Thread.sleep(300); // past the connect timeout: its timer must not touch the connected stream
            assertFalse(lt.call(other::isClosed));
            otherPeer.getOutputStream().write(5);
            assertEquals(5, lt.await(() -> other.readExactly(1), WAIT)[0]);
        } finally {
            lt.call(() -> {
                other.close();
                return null;
            });
        }
    }

    @Test
    void connect_failsWithUnknownHost_forUnresolvedAddress() {
        InetSocketAddress nowhere = InetSocketAddress.createUnresolved("no-such-host.invalid", 80);
        assertInstanceOf(java.net.UnknownHostException.class,
                lt.failureOf(() -> TcpStream.connect(nowhere, WAIT), WAIT));
    }

    @Test
    void readExactly_collectsAcrossManyChunks() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Thread writer = new Thread(() -> {
            try {
                peer.getOutputStream().write(data);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        assertArrayEquals(data, lt.await(() -> stream.readExactly(data.length), WAIT));
        writer.join();
    }
}
