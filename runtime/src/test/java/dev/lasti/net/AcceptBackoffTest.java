package dev.lasti.net;

import static dev.lasti.net.Clients.echo;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A server out of file descriptors: a child JVM under {@code ulimit -n 64} gets more connections than it
 * has descriptors. It must keep serving the open ones, log a bounded number of warnings (it used to die, or
 * write some 35,000 stack traces a second), and accept again once connections close.
 */
class AcceptBackoffTest {
    private static final int FLOOD = 150;

    @Test
    void outOfDescriptors_backsOff_keepsServing_andRecovers() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path log = Files.createTempFile("lasti-fd-child", ".log");
        Process child = startChild(log);
        List<Socket> flood = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), US_ASCII))) {
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("PORT "), "child said " + first + "; log: " + read(log));
            int port = Integer.parseInt(first.substring(5).trim());
            List<Socket> early = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                early.add(connect(port));
                assertEquals("hi" + i, echo(early.get(i), "hi" + i), "served before the flood");
            }
            for (int i = 0; i < FLOOD; i++) {
                flood.add(connect(port)); // the kernel completes them; the child runs out of descriptors
            }
            long floodStart = System.nanoTime();
            Thread.sleep(2_000);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < early.size(); i++) {
                    assertEquals("again" + i, echo(early.get(i), "again" + i), "open connections are served; log: "
                            + tail(log));
                }
            }
            assertTrue(child.isAlive(), "the child survived; log: " + tail(log));
            double seconds = (System.nanoTime() - floodStart) / 1e9;
            long warnings = Files.readAllLines(log).stream().filter(l -> l.contains("failed (")).count();
            assertTrue(warnings >= 1, "the failure is logged; log: " + tail(log));
            assertTrue(warnings <= 10 + 2 * seconds, warnings + " warnings in " + seconds + " s: " + tail(log));
            for (Socket s : flood) {
                s.close();
            }
            flood.clear();
            try (Socket late = connect(port)) {
                late.setSoTimeout(20_000); // the child works through the closed backlog first
                assertEquals("late", echo(late, "late"), "accepts again once descriptors are free");
            }
            for (Socket s : early) {
                s.close();
            }
        } finally {
            for (Socket s : flood) {
                s.close();
            }
            child.getOutputStream().close(); // the child stops when its stdin closes
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static Process startChild(Path log) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = location(TcpServer.class) + java.io.File.pathSeparator + location(AcceptBackoffTest.class);
        String command = "ulimit -n 64 && exec '" + javaBin + "' -Xmx64m -XX:+UseSerialGC -cp '" + classpath
                + "' dev.lasti.net.FdLimitedEchoServer";
        return new ProcessBuilder("/bin/bash", "-c", command)
                .redirectError(log.toFile()).start();
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log);
    }

    private static String tail(Path log) throws IOException {
        String all = Files.readString(log);
        return all.length() > 3000 ? "..." + all.substring(all.length() - 3000) : all;
    }
}
