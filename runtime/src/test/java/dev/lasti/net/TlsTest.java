package dev.lasti.net;

import static dev.lasti.net.LoopThread.then;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lasti.Future;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** TLS streams and servers on the JDK's SSLEngine, against each other and against JDK and curl clients. */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TlsServerSupport TLS = new TlsServerSupport();

    @Test
    void lastiClient_againstLastiServer_echoesRandomSizesUpTo1MiB_byteExact() throws Exception {
        Random random = new Random(12);
        int[] sizes = {1, 2, 100, 16_383, 16_384, 16_385, 65_536, 1 << 20, 1 + random.nextInt(1 << 20),
            1 + random.nextInt(1 << 20), 1 + random.nextInt(1 << 16)};
        try (LoopThread server = new LoopThread("tls-server"); LoopThread client = new LoopThread("tls-client")) {
            TcpServer echo = server.call(() -> TLS.listen(EchoTest::echo));
            for (int size : sizes) {
                byte[] message = new byte[size];
                random.nextBytes(message);
                byte[] back = client.await(() -> then(connect(echo, "localhost"), stream -> {
                    Future<Void> sent = stream.write(message); // read concurrently: 1 MiB does not fit in buffers
                    return then(stream.readExactly(size), bytes -> then(sent, done -> {
                        stream.close();
                        return Future.completed(bytes);
                    }));
                }), WAIT);
                assertArrayEquals(message, back, "echo of " + size + " bytes");
            }
            String protocol = client.await(() -> then(connect(echo, "localhost"), stream -> {
                String p = stream.tlsSession().orElseThrow().getProtocol();
                stream.close();
                return Future.completed(p);
            }), WAIT);
            assertEquals("TLSv1.3", protocol);
        }
    }

    @Test
    void write_toAPeerThatDoesNotRead_staysPending_untilItReads() throws Exception {
        java.util.concurrent.CompletableFuture<TcpStream> accepted = new java.util.concurrent.CompletableFuture<>();
        dev.lasti.Promise<Void> release = new dev.lasti.Promise<>();
        try (LoopThread server = new LoopThread("tls-server"); LoopThread client = new LoopThread("tls-client")) {
            TcpServer stalled = server.call(() -> TLS.listen(stream -> {
                accepted.complete(stream);
                return then(release, go -> drain(stream));
            }));
            int size = 16 << 20;
            TcpStream stream = client.await(() -> connect(stalled, "localhost"), WAIT);
            Future<Void> written = client.call(() -> stream.write(new byte[size]));
            Thread.sleep(500);
            assertTrue(!client.call(written::isDone),
                    "16 MiB do not fit in the socket buffers of a peer that does not read");
            accepted.get(10, java.util.concurrent.TimeUnit.SECONDS);
            server.call(() -> release.complete(null));
            client.await(() -> written, WAIT); // completes once the peer reads
            client.call(() -> {
                stream.close();
                return null;
            });
        }
    }

    @Test
    void serverClose_sendsCloseNotify_soTheClientSeesACleanEndOfStream() throws Exception {
        try (LoopThread server = new LoopThread("tls-server"); LoopThread client = new LoopThread("tls-client")) {
            TcpServer bye = server.call(() -> TLS.listen(stream -> stream.write("bye".getBytes(US_ASCII))));
            String got = client.await(() -> then(connect(bye, "localhost"), stream ->
                    then(stream.readExactly(3), b -> then(stream.read(10), end -> {
                        stream.close();
                        // an empty read is end of stream; a FIN without close_notify would fail it instead
                        return Future.completed(new String(b, US_ASCII) + "|" + end.length);
                    }))), WAIT);
            assertEquals("bye|0", got);
        }
    }

    @Test
    void halfClose_clientShutsDownOutput_serverStillAnswersAfterEndOfStream() throws Exception {
        try (LoopThread server = new LoopThread("tls-server"); LoopThread client = new LoopThread("tls-client")) {
            // reads to end of stream, then answers with the byte count
            TcpServer counter = server.call(() -> TLS.listen(stream -> count(stream, 0)));
            byte[] payload = new byte[200_000];
            String answer = client.await(() -> then(connect(counter, "localhost"), stream -> {
                stream.write(payload);
                return then(stream.shutdownOutput(), shut -> then(stream.readUntil("\n".getBytes(US_ASCII), 100),
                        line -> {
                            stream.close();
                            return Future.completed(new String(line, US_ASCII).trim());
                        }));
            }), WAIT);
            assertEquals("200000", answer);
        }
    }

    private static Future<Void> count(TcpStream stream, long sofar) {
        return then(stream.read(65_536), chunk -> chunk.length == 0
                ? stream.write((sofar + "\n").getBytes(US_ASCII))
                : count(stream, sofar + chunk.length));
    }

    @Test
    void untrustedCertificate_failsTheHandshake_atTheAwait() throws Exception {
        try (LoopThread server = new LoopThread("tls-server"); LoopThread client = new LoopThread("tls-client")) {
            TcpServer echo = server.call(() -> TLS.listen(EchoTest::echo));
            Throwable failure = client.failureOf(() -> TcpStream.connectTls(echo.localAddress(), "localhost",
                    TlsFixture.OTHER.clientContext(), WAIT), WAIT);
            assertInstanceOf(SSLHandshakeException.class, failure, failure.toString());
            assertTrue(failure.getMessage().contains("PKIX"), failure.getMessage());
            waitFor(() -> server.call(echo::connectionCount) == 0);
        }
    }

    @Test
    void wrongHostName_failsTheHandshake_atTheAwait() throws Exception {
        try (LoopThread server = new LoopThread("tls-server"); LoopThread client = new LoopThread("tls-client")) {
            TcpServer echo = server.call(() -> TLS.listen(EchoTest::echo));
            Throwable failure = client.failureOf(() -> connect(echo, "www.example.com"), WAIT);
            assertInstanceOf(SSLHandshakeException.class, failure, failure.toString());
            assertTrue(failure.getMessage().contains("www.example.com"), failure.getMessage());
        }
    }

    @Test
    void jdkSslSocket_againstLastiServer_echoes() throws Exception {
        try (LoopThread server = new LoopThread("tls-server")) {
            TcpServer echo = server.call(() -> TLS.listen(EchoTest::echo));
            byte[] message = new byte[300_000];
            new Random(3).nextBytes(message);
            try (SSLSocket socket = (SSLSocket) TlsFixture.LOCALHOST.clientContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), echo.localAddress().getPort())) {
                socket.setSoTimeout(30_000);
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(message);
                        out.flush();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                InputStream in = socket.getInputStream();
                assertArrayEquals(message, in.readNBytes(message.length));
                writer.join(30_000);
            }
        }
    }

    @Test
    void jdkHttpClient_againstLastiServer_getsTheResponse() throws Exception {
        try (LoopThread server = new LoopThread("tls-server")) {
            TcpServer http = server.call(() -> TLS.listen(TlsServerSupport::hello));
            HttpClient client = HttpClient.newBuilder().sslContext(TlsFixture.LOCALHOST.clientContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + http.localAddress().getPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("hello over TLS\n", response.body());
        }
    }

    @Test
    void curlWithCacert_againstLastiServer_getsTheResponse() throws Exception {
        Assumptions.assumeTrue(onPath("curl"), "curl is not installed (Debian package curl; .ci/run installs it)");
        try (LoopThread server = new LoopThread("tls-server")) {
            TcpServer http = server.call(() -> TLS.listen(TlsServerSupport::hello));
            Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "20", "--cacert",
                    TlsFixture.LOCALHOST.certPem.toString(),
                    "https://localhost:" + http.localAddress().getPort() + "/").redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), US_ASCII);
            assertTrue(curl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, curl.exitValue(), out);
            assertEquals("hello over TLS\n", out);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tls12Renegotiation_isRefused() throws Exception {
        try (LoopThread server = new LoopThread("tls-server")) {
            TcpServer echo = server.call(() -> TLS.listen(EchoTest::echo));
            try (SSLSocket socket = (SSLSocket) TlsFixture.LOCALHOST.clientContext("TLSv1.2").getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), echo.localAddress().getPort())) {
                socket.setSoTimeout(10_000);
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.getOutputStream().write('a');
                assertEquals('a', socket.getInputStream().read(), "served before the renegotiation");
                socket.startHandshake(); // a second handshake on TLS 1.2 is a renegotiation
                int after;
                try {
                    socket.getOutputStream().write('b');
                    after = socket.getInputStream().read();
                } catch (SSLException | java.net.SocketException e) {
                    after = -2;
                }
                assertTrue(after < 0, "the server closed the connection instead of renegotiating: " + after);
            }
            waitFor(() -> server.call(echo::connectionCount) == 0);
        }
    }

    @Test
    void finWithoutCloseNotify_failsTheRead_asPossiblyTruncated() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        try (LoopThread server = new LoopThread("tls-server")) {
            TcpServer sink = server.call(() -> TLS.listen(stream -> {
                Future<Void> all = drain(stream);
                all.whenDone(f -> outcome.complete(f.cause()));
                return all;
            }));
            try (java.net.Socket plain = new java.net.Socket(InetAddress.getLoopbackAddress(),
                    sink.localAddress().getPort())) {
                SSLSocket tls = (SSLSocket) TlsFixture.LOCALHOST.clientContext().getSocketFactory()
                        .createSocket(plain, "localhost", sink.localAddress().getPort(), false);
                tls.getOutputStream().write("some data".getBytes(US_ASCII));
                tls.getOutputStream().flush();
                plain.shutdownOutput(); // a FIN under the TLS layer: no close_notify
                Throwable failure = outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertInstanceOf(StreamClosedException.class, failure, String.valueOf(failure));
                assertInstanceOf(SSLException.class, failure.getCause());
                assertTrue(failure.getCause().getMessage().contains("truncated"), failure.getCause().getMessage());
            }
        }
    }

    private static Future<Void> drain(TcpStream stream) {
        return then(stream.read(65_536), chunk -> chunk.length == 0 ? Future.completed(null) : drain(stream));
    }

    @Test
    void silentClient_isClosedAtTheHandshakeTimeout() throws Exception {
        TcpServerOptions options = TcpServerOptions.defaults().withTls(TlsFixture.LOCALHOST.serverContext())
                .withHandshakeTimeout(Duration.ofMillis(300));
        try (LoopThread server = new LoopThread("tls-server")) {
            TcpServer echo = server.call(() -> TcpServer.listen(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), options, EchoTest::echo));
            long start = System.nanoTime();
            try (java.net.Socket silent = new java.net.Socket(InetAddress.getLoopbackAddress(),
                    echo.localAddress().getPort())) {
                silent.setSoTimeout(10_000);
                assertEquals(-1, silent.getInputStream().read(), "closed by the server");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 250 && millis < 5_000, "at the handshake timeout: " + millis + " ms");
                waitFor(() -> server.call(echo::connectionCount) == 0);
            }
        }
    }

    private static Future<TcpStream> connect(TcpServer server, String host) {
        return TcpStream.connectTls(server.localAddress(), host, TlsFixture.LOCALHOST.clientContext(), WAIT);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(10);
        }
    }
}
