package dev.lasti.net;

/**
 * How a {@link TcpServer} on an {@link dev.lasti.EventLoopGroup} spreads connections over its loops. Set
 * with {@link TcpServerOptions#withGroupAccept}; a server on one loop ignores it.
 */
public enum GroupAccept {
    /** {@link #PORT_PER_LOOP} where the OS and JDK offer {@code SO_REUSEPORT} (Linux, macOS), otherwise {@link #ONE_ACCEPTOR}. */
    AUTO,
    /**
     * One listening socket per loop, all bound to the same port with {@code SO_REUSEPORT}: the kernel
     * spreads incoming connections over them (Linux hashes each connection's addresses), and each loop
     * accepts its own, with no hand-off. Closing the server resets the connections still waiting in the
     * closed sockets' backlogs, as the kernel does for any closed listening socket.
     *
     * @see java.net.StandardSocketOptions#SO_REUSEPORT
     */
    PORT_PER_LOOP,
    /**
     * One listening socket, accepted on the group's first loop, which hands each connection to the loops
     * in turn (skipping those at their connection limit). Works everywhere; the first loop does all the
     * accepting.
     */
    ONE_ACCEPTOR
}
