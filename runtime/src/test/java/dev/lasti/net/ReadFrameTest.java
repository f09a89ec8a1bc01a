package dev.lasti.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TcpStream#readFrame} against a blocking socket peer: framing, limits, end of stream, misuse. */
class ReadFrameTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private StreamPair pair;
    private LoopThread lt;

    @BeforeEach
    void connect() throws Exception {
        pair = StreamPair.open("read-frame-test", WAIT);
        lt = pair.loop();
    }

    @AfterEach
    void tearDown() throws Exception {
        pair.close();
    }

    /** A one-byte length prefix, then that many bytes; records the size of every buffer it was shown. */
    private static final class LengthPrefixed implements Framer {
        final List<Integer> shown = new ArrayList<>();
        boolean writable;

        @Override
        public int frameLength(ByteBuffer buffered) {
            shown.add(buffered.limit());
            writable |= !buffered.isReadOnly();
            return buffered.limit() >= 1 && buffered.limit() >= 1 + buffered.get(0) ? 1 + buffered.get(0) : MORE;
        }
    }

    @Test
    void aFrameThatArrivesInPieces_isHandedOverWhole_andTheBytesAfterItStayBuffered() throws Exception {
        LengthPrefixed framer = new LengthPrefixed();
        OutputStream out = pair.peer().getOutputStream();
        Thread writer = new Thread(() -> {
            try {
                for (String part : new String[] {"\u0005he", "ll", "o+next"}) {
                    out.write(part.getBytes(US_ASCII));
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        byte[] frame = lt.await(() -> pair.stream().readFrame(framer, 100), WAIT);
        writer.join();
        assertEquals("\u0005hello", new String(frame, US_ASCII));
        assertTrue(framer.shown.size() >= 2, "asked again as bytes arrived: " + framer.shown);
        assertTrue(!framer.writable, "the framer must not be able to change the stream's bytes");
        for (int i = 1; i < framer.shown.size(); i++) {
            assertTrue(framer.shown.get(i) > framer.shown.get(i - 1), "every call sees the message from its "
                    + "start, and more of it than the call before: " + framer.shown);
        }
        assertEquals("+next", new String(lt.await(() -> pair.stream().readExactly(5), WAIT), US_ASCII));
    }

    @Test
    void framesAlreadyBuffered_areReadOneAfterAnother() throws Exception {
        pair.peer().getOutputStream().write("\u0001a\u0002bc\u0000".getBytes(US_ASCII));
        // The last frame is the prefix alone: a length of 1 (the prefix) plus 0.
        assertEquals("\u0001a", new String(lt.await(() -> pair.stream().readFrame(new LengthPrefixed(), 10), WAIT),
                US_ASCII));
        assertEquals("\u0002bc", new String(lt.await(() -> pair.stream().readFrame(new LengthPrefixed(), 10), WAIT),
                US_ASCII));
        assertEquals("\u0000", new String(lt.await(() -> pair.stream().readFrame(new LengthPrefixed(), 10), WAIT),
                US_ASCII));
    }

    @Test
    void noFrameWithinMaxBytes_failsWithReadLimit_andTheFramerNeverSeesMoreThanThat() throws Exception {
        LengthPrefixed framer = new LengthPrefixed();
        pair.peer().getOutputStream().write(("\u0050" + "x".repeat(30)).getBytes(US_ASCII));
        Throwable failure = lt.failureOf(() -> pair.stream().readFrame(framer, 10), WAIT);
        assertInstanceOf(ReadLimitException.class, failure);
        assertTrue(framer.shown.stream().allMatch(n -> n <= 10), "shown at most maxBytes: " + framer.shown);
        assertEquals(31, lt.await(() -> pair.stream().readExactly(31), WAIT).length, "no byte was consumed");
    }

    @Test
    void theStreamEndingBeforeTheFrame_failsWithStreamClosed_andKeepsTheBytes() throws Exception {
        pair.peer().getOutputStream().write("\u0009abc".getBytes(US_ASCII));
        pair.peer().shutdownOutput();
        Throwable failure = lt.failureOf(() -> pair.stream().readFrame(new LengthPrefixed(), 100), WAIT);
        assertInstanceOf(StreamClosedException.class, failure);
        assertEquals("\u0009abc", new String(lt.await(() -> pair.stream().read(100), WAIT), US_ASCII));
    }

    @Test
    void whatTheFramerThrows_failsTheRead_andTheBytesStayBuffered() throws Exception {
        pair.peer().getOutputStream().write("bad".getBytes(US_ASCII));
        IllegalArgumentException refusal = new IllegalArgumentException("not a frame");
        Throwable failure = lt.failureOf(() -> pair.stream().readFrame(b -> {
            throw refusal;
        }, 100), WAIT);
        assertSame(refusal, failure);
        assertEquals("bad", new String(lt.await(() -> pair.stream().readExactly(3), WAIT), US_ASCII));
    }

    @Test
    void aLengthOutsideWhatWasShown_failsTheReadWithAClearError() throws Exception {
        pair.peer().getOutputStream().write("abc".getBytes(US_ASCII));
        for (int bad : new int[] {0, -2, 4}) {
            Throwable failure = lt.failureOf(() -> pair.stream().readFrame(b -> bad, 3), WAIT);
            assertInstanceOf(IllegalStateException.class, failure);
            assertTrue(failure.getMessage().contains("returned " + bad), failure.getMessage());
        }
        assertEquals("abc", new String(lt.await(() -> pair.stream().readExactly(3), WAIT), US_ASCII));
    }

    @Test
    void misuse_isRefusedAtTheCall() {
        AssertionError noFramer = assertThrows(AssertionError.class,
                () -> lt.call(() -> pair.stream().readFrame(null, 10)));
        assertInstanceOf(NullPointerException.class, noFramer.getCause());
        AssertionError noRoom = assertThrows(AssertionError.class,
                () -> lt.call(() -> pair.stream().readFrame(new LengthPrefixed(), 0)));
        assertInstanceOf(IllegalArgumentException.class, noRoom.getCause());
    }
}
