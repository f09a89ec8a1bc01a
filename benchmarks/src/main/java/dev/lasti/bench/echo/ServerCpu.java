package dev.lasti.bench.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Another process's CPU time (user + system, all its threads) from {@code /proc/<pid>/stat}, which counts
 * in clock ticks ({@code getconf CLK_TCK}, 100 on Linux): 10 ms resolution, fine over a window of seconds.
 */
final class ServerCpu {
    private final Path stat;
    private final long nanosPerTick;

    ServerCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
        this.nanosPerTick = 1_000_000_000L / clockTicks();
    }

    /** CPU time the process has used so far, in nanoseconds. */
    long nanos() {
        try {
            String s = Files.readString(stat);
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
            // utime field 14, stime field 15.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * nanosPerTick;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat + ": is the server running?", e);
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100; // the value on every Linux this runs on
        }
    }
}
