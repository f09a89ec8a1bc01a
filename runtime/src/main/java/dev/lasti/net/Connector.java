package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TimerHandle;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One non-blocking connect attempt for {@link TcpStream#connect}: registers {@code OP_CONNECT}, arms the
 * timeout, and on {@code finishConnect} cancels the timer and hands the channel to a new stream, which
 * drops {@code OP_CONNECT}. Whichever of success, failure, timeout or cancellation comes first wins.
 */
final class Connector {
    private final EventLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress address;
    private final Duration timeout;
    private final Opener opener;
    private final Promise<TcpStream> result = Promise.described("socket connect");
    private TimerHandle timer;

    /** Makes the stream of a connected channel: a plain one at once, or a TLS one after its handshake. */
    @FunctionalInterface
    interface Opener {
        Future<TcpStream> open(SocketChannel channel) throws IOException;
    }

    private Connector(EventLoop loop, SocketChannel channel, InetSocketAddress address, Duration timeout,
            Opener opener) {
        this.loop = loop;
        this.channel = channel;
        this.address = address;
        this.timeout = timeout;
        this.opener = opener;
    }

    static Future<TcpStream> connect(EventLoop loop, InetSocketAddress address, Duration timeout) {
        return connect(loop, address, timeout, ch -> Future.completed(new TcpStream(loop, ch)));
    }

    static Future<TcpStream> connect(EventLoop loop, InetSocketAddress address, Duration timeout,
            Opener opener) {
        if (address.isUnresolved()) { // SocketChannel.connect would throw an unchecked exception
            return Future.failed(new UnknownHostException(address.getHostString()));
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(address)) { // loopback may connect at once
                return opener.open(channel);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            return Future.failed(e);
        }
        Connector c = new Connector(loop, channel, address, timeout, opener);
        c.start();
        return c.result;
    }

    private void start() {
        loop.register(channel, SelectionKey.OP_CONNECT, k -> onConnectable());
        timer = loop.callLater(timeout, this::onTimeout);
        result.whenDone(f -> {
            if (f.isCancelled()) {
                timer.cancel();
                closeQuietly(channel);
            }
        });
    }

    private void onConnectable() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            fail(e);
            return;
        }
        timer.cancel();
        if (result.isDone()) {
            closeQuietly(channel);
            return;
        }
        Future<TcpStream> opened;
        try {
            opened = opener.open(channel);
        } catch (IOException e) {
            fail(e);
            return;
        }
        result.whenDone(f -> {
            if (f.isCancelled()) {
                opened.cancel(); // a TLS handshake still running closes its channel
            }
        });
        opened.whenDone(result::completeWith);
    }

    private void fail(IOException e) {
        timer.cancel();
        closeQuietly(channel);
        ConnectException failure = new ConnectException("connect to " + address + " failed: " + e.getMessage());
        failure.initCause(e);
        result.fail(failure);
    }

    private void onTimeout() {
        if (result.fail(new SocketTimeoutException(
                "connect to " + address + " timed out after " + timeout.toMillis() + " ms"))) {
            closeQuietly(channel);
        }
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // The channel is being discarded; a failure to close it changes nothing for the caller.
        }
    }
}
