package dev.lasti.bench.echo;

import java.net.InetSocketAddress;

/**
 * What the four echo servers share: the port argument and the line that tells benchmarks/sections/echo.sh
 * where the server listens. Each server is its own {@code main}, so each runs alone in its JVM.
 */
final class EchoServers {
    private EchoServers() {}

    /** The port from {@code args[0]}; 0 (the default) lets the kernel pick one. */
    static int port(String[] args) {
        return args.length > 0 ? Integer.parseInt(args[0]) : 0;
    }

    /** Tells the launcher the server is ready; it waits for this line before starting the client. */
    static void ready(String impl, InetSocketAddress address) {
        System.out.println("LISTENING " + impl + " " + address.getPort() + " " + ProcessHandle.current().pid());
        System.out.flush();
    }
}
