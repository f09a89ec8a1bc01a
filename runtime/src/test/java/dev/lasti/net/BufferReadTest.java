package dev.lasti.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TcpStream#read(ByteBuffer)} against a blocking socket peer: buffered bytes, end of stream,
 * cancellation and misuse. Echo servers and TLS are in {@link BufferEchoTest}.
 */
class BufferReadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private StreamPair pair;
    private LoopThread lt;
    private Socket peer;
    private TcpStream stream;

    @BeforeEach
    void connect() throws IOException {
        pair = StreamPair.open("buffer-read-test", WAIT);
        lt = pair.loop();
        peer = pair.peer();
        stream = pair.stream();
    }

    @AfterEach
    void tearDown() throws Exception {
        pair.close();
    }

    @Test
    void readsAfterPartialBuffering_copyFromTheStreamsBuffer_inPiecesOfTheBuffersSize() throws Exception {
        byte[] data = new byte[10_000];
        new Random(3).nextBytes(data);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (data[i] == '|' ? 0 : data[i]);
        }
        data[99] = '|';
        peer.getOutputStream().write(data);
        Thread.sleep(100); // all of it in the kernel: the readUntil below buffers what follows the '|'
        byte[] head = lt.await(() -> stream.readUntil(new byte[] {'|'}, 200), WAIT);
        assertEquals(100, head.length);
        ByteBuffer small = ByteBuffer.allocate(64);
        byte[] rest = new byte[data.length - 100];
        int at = 0;
        while (at < rest.length) {
            small.clear();
            int n = lt.await(() -> stream.read(small), WAIT);
            assertTrue(n > 0 && n <= 64, "1..64 bytes per read: " + n);
            assertEquals(n, small.position(), "the position advances by the count");
            small.flip().get(rest, at, n);
            at += n;
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 100, data.length), rest);
    }

    @Test
    void endOfStream_givesTheBufferedBytes_thenMinusOne_everyTime() throws Exception {
        peer.getOutputStream().write("abc".getBytes(US_ASCII));
        peer.shutdownOutput();
        ByteBuffer buffer = ByteBuffer.allocate(10);
        assertEquals(3, lt.await(() -> stream.read(buffer), WAIT));
        assertEquals("abc", new String(buffer.array(), 0, 3, US_ASCII));
        assertEquals(-1, lt.await(() -> stream.read(buffer), WAIT));
        assertEquals(-1, lt.await(() -> stream.read(buffer), WAIT), "and again");
        assertEquals(3, buffer.position(), "end of stream writes nothing");
        assertEquals(0, lt.await(() -> stream.read(10), WAIT).length, "the array read agrees");
    }

    @Test
    void endOfStream_afterBytesBufferedByAnotherRead_givesThemFirst() throws Exception {
        peer.getOutputStream().write("line\nafter".getBytes(US_ASCII));
        peer.shutdownOutput();
        Thread.sleep(100);
        assertEquals("line\n", new String(lt.await(() -> stream.readUntil(new byte[] {'\n'}, 100), WAIT),
                US_ASCII));
        ByteBuffer buffer = ByteBuffer.allocate(100);
        assertEquals(5, lt.await(() -> stream.read(buffer), WAIT));
        assertEquals("after", new String(buffer.array(), 0, 5, US_ASCII));
        assertEquals(-1, lt.await(() -> stream.read(buffer), WAIT));
    }

    @Test
    void cancelledRead_leavesItsBufferAlone_andTheBytesGoToTheNextRead() throws Exception {
        ByteBuffer first = ByteBuffer.allocate(16);
        AtomicReference<Future<Integer>> pending = new AtomicReference<>();
        lt.call(() -> pending.getAndSet(stream.read(first)));
        assertTrue(lt.call(() -> pending.get().cancel()));
        peer.getOutputStream().write("kept".getBytes(US_ASCII));
        Thread.sleep(200); // the loop sees the socket readable while the cancelled read is still registered
        lt.call(() -> null);
        assertEquals(0, first.position(), "nothing is written into a cancelled read's buffer");
        assertArrayEquals(new byte[16], first.array());

        ByteBuffer second = ByteBuffer.allocate(16);
        assertEquals(4, lt.await(() -> stream.read(second), WAIT));
        assertEquals("kept", new String(second.array(), 0, 4, US_ASCII));
    }

    /**
     * Cancellations from another thread race with the loop's socket reads: whichever wins, every byte
     * arrives exactly once, in order, through the reads that completed.
     */
    @Test
    void cancellationsFromAnotherThread_loseAndRepeatNoByte() throws Exception {
        byte[] sent = new byte[300_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 7 + i / 251);
        }
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = peer.getOutputStream();
                for (int at = 0; at < sent.length; at += 1000) {
                    out.write(sent, at, Math.min(1000, sent.length - at));
                    out.flush();
                }
                peer.shutdownOutput();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        java.util.concurrent.CompletableFuture<byte[]> all = new java.util.concurrent.CompletableFuture<>();
        AtomicReference<Future<Integer>> current = new AtomicReference<>();
        lt.call(() -> {
            readCancellably(received, all, current);
            return null;
        });
        writer.start();
        Random random = new Random(5);
        int cancelled = 0;
        while (!all.isDone()) {
            Future<Integer> f = current.get();
            if (f != null && f.cancel()) {
                cancelled++;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(200_000));
        }
        writer.join();
        assertArrayEquals(sent, all.get(), "after " + cancelled + " cancellations");
        assertTrue(cancelled > 0, "the test cancelled no read");
    }

    /** Reads until end of stream into fresh buffers, starting over (on the loop) after a cancellation. */
    private void readCancellably(java.io.ByteArrayOutputStream received,
            java.util.concurrent.CompletableFuture<byte[]> all, AtomicReference<Future<Integer>> current) {
        ByteBuffer buffer = ByteBuffer.allocate(100);
        Future<Integer> read = stream.read(buffer);
        current.set(read);
        read.whenDone(f -> {
            if (f.isCancelled()) { // on the cancelling thread: go back to the loop to read again
                lt.loop().execute(() -> readCancellably(received, all, current));
            } else if (f.cause() != null) {
                all.completeExceptionally(f.cause());
            } else if (f.resultNow() < 0) {
                all.complete(received.toByteArray());
            } else {
                received.write(buffer.array(), 0, f.resultNow());
                readCancellably(received, all, current);
            }
        });
    }

    @Test
    void cancelledRead_whileBytesAreBuffered_keepsThemForAnArrayRead() throws Exception {
        AtomicReference<Future<Integer>> pending = new AtomicReference<>();
        lt.call(() -> pending.getAndSet(stream.read(ByteBuffer.allocate(4))));
        lt.call(() -> pending.get().cancel());
        peer.getOutputStream().write("0123456789".getBytes(US_ASCII));
        Thread.sleep(200);
        assertEquals("0123456789", new String(lt.await(() -> stream.readExactly(10), WAIT), US_ASCII));
    }

    @Test
    void misuse_readOnlyOrFullBuffer_isRefusedAtTheCall() {
        IllegalArgumentException readOnly = lt.call(() -> assertThrows(IllegalArgumentException.class,
                () -> stream.read(ByteBuffer.allocate(8).asReadOnlyBuffer())));
        assertTrue(readOnly.getMessage().contains("read-only"), readOnly.getMessage());
        IllegalArgumentException full = lt.call(() -> assertThrows(IllegalArgumentException.class,
                () -> stream.read(ByteBuffer.allocate(8).position(8))));
        assertTrue(full.getMessage().contains("no room"), full.getMessage());
        lt.call(() -> assertThrows(NullPointerException.class, () -> stream.read((ByteBuffer) null)));
        assertThrows(IllegalStateException.class, () -> stream.read(ByteBuffer.allocate(8)), "off the loop");
    }

    @Test
    void misuse_aSecondConcurrentRead_fails_whicheverKindEitherIs() throws Exception {
        AtomicReference<Future<Integer>> first = new AtomicReference<>();
        Throwable second = lt.failureOf(() -> {
            first.set(stream.read(ByteBuffer.allocate(8)));
            return stream.read(8);
        }, WAIT);
        assertInstanceOf(IllegalStateException.class, second);
        assertInstanceOf(IllegalStateException.class, lt.failureOf(() -> stream.read(ByteBuffer.allocate(8)),
                WAIT));
        peer.getOutputStream().write('z');
        assertEquals(1, lt.await(first::get, WAIT), "the first read is unaffected");
    }

    @Test
    void misuse_aPendingReadsBufferFilledMeanwhile_failsTheRead_andKeepsTheBytes() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        AtomicReference<Future<Integer>> pending = new AtomicReference<>();
        lt.call(() -> {
            pending.set(stream.read(buffer));
            buffer.position(8); // the caller uses up the room while the read waits
            return null;
        });
        peer.getOutputStream().write("xy".getBytes(US_ASCII));
        assertInstanceOf(IllegalStateException.class, lt.failureOf(pending::get, WAIT));
        assertEquals("xy", new String(lt.await(() -> stream.readExactly(2), WAIT), US_ASCII));
    }

    @Test
    void close_failsThePendingRead_andLaterReadsFail() {
        AtomicReference<Future<Integer>> pending = new AtomicReference<>();
        lt.call(() -> {
            pending.set(stream.read(ByteBuffer.allocate(8)));
            stream.close();
            return null;
        });
        assertInstanceOf(StreamClosedException.class, lt.failureOf(pending::get, WAIT));
        assertInstanceOf(StreamClosedException.class, lt.failureOf(() -> stream.read(ByteBuffer.allocate(8)),
                WAIT));
    }

    @Test
    void peerReset_failsThePendingRead_withTheResetAsCause() throws Exception {
        AtomicReference<Future<Integer>> pending = new AtomicReference<>();
        lt.call(() -> pending.getAndSet(stream.read(ByteBuffer.allocateDirect(8))));
        peer.setSoLinger(true, 0);
        peer.close();
        Throwable failure = lt.failureOf(pending::get, WAIT);
        assertInstanceOf(StreamClosedException.class, failure);
        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void manyReadsOfOneByte_fromAPeerThatWritesSlowly_arriveInOrder() throws Exception {
        OutputStream out = peer.getOutputStream();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 50; i++) {
                    out.write(i);
                    out.flush();
                    Thread.sleep(2);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        ByteBuffer one = ByteBuffer.allocateDirect(1);
        for (int i = 0; i < 50; i++) {
            one.clear();
            assertEquals(1, lt.await(() -> stream.read(one), WAIT));
            assertEquals(i, one.get(0));
        }
        writer.join();
    }
}
