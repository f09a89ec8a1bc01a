package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import dev.lasti.TimerHandle;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Drives a TLS handshake on a connected channel before its {@link TcpStream} exists, so the stream only
 * ever carries application data. Readiness moves the handshake on; the engine's delegated tasks (the
 * certificate checks and key exchange, a millisecond or more of CPU each) run on {@link
 * EventLoop#blocking}, so a burst of handshakes does not stall the loop's other connections. The first of
 * success, failure, timeout and cancellation wins; the losers close the channel.
 */
final class TlsHandshake implements EventLoop.IoHandler {
    private final EventLoop loop;
    private final SocketChannel channel;
    private final TlsSession session;
    private final Promise<TcpStream> result = Promise.described("TLS handshake");
    private TimerHandle timer;
    private boolean tasksRunning;

    private TlsHandshake(EventLoop loop, SocketChannel channel, SSLEngine engine) {
        this.loop = loop;
        this.channel = channel;
        this.session = new TlsSession(channel, engine);
    }

    /**
     * Starts the handshake on the current loop. The future completes with the stream, or fails with the
     * engine's {@link SSLException} (for example a certificate that does not verify), or with a {@link
     * SocketTimeoutException} after {@code timeout}. Cancelling it closes the channel.
     */
    static Future<TcpStream> start(EventLoop loop, SocketChannel channel, SSLEngine engine, Duration timeout) {
        TlsHandshake h = new TlsHandshake(loop, channel, engine);
        h.timer = loop.callLater(timeout, () -> h.fail(new SocketTimeoutException(
                "the TLS handshake did not finish within " + timeout.toMillis() + " ms")));
        h.result.whenDone(f -> {
            h.timer.cancel();
            if (f.isCancelled()) {
                Connector.closeQuietly(channel);
            }
        });
        try {
            h.interest(0); // registering makes the channel non-blocking: an accepted one starts blocking
            engine.beginHandshake();
        } catch (SSLException | RuntimeException e) {
            h.fail(e);
            return h.result;
        }
        h.step();
        return h.result;
    }

    @Override
    public void ready(SelectionKey key) {
        step();
    }

    private void step() {
        if (result.isDone() || tasksRunning) {
            return;
        }
        TlsSession.Step next;
        try {
            next = session.handshake();
        } catch (IOException | RuntimeException e) {
            session.sendAlertQuietly();
            fail(e);
            return;
        }
        switch (next) {
            case READ -> interest(SelectionKey.OP_READ);
            case WRITE -> interest(SelectionKey.OP_WRITE);
            case TASKS -> runTasks();
            case DONE -> done();
        }
    }

    /** Re-registering each time, instead of keeping the key, also survives a selector rebuild. */
    private void interest(int ops) {
        loop.register(channel, ops, this);
    }

    private void runTasks() {
        interest(0);
        List<Runnable> tasks = new ArrayList<>();
        for (Runnable t; (t = session.engine().getDelegatedTask()) != null; ) {
            tasks.add(t);
        }
        tasksRunning = true;
        EventLoop.blocking(() -> {
            tasks.forEach(Runnable::run);
            return null;
        }).whenDone(f -> { // the blocking pool completes its futures on the loop thread
            tasksRunning = false;
            if (f.cause() != null) {
                fail(f.cause());
            } else {
                step();
            }
        });
    }

    private void done() {
        try {
            if (!result.complete(new TcpStream(loop, channel, session))) {
                Connector.closeQuietly(channel);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** The loop shuts down mid-handshake: fail it, so that the server's count of open connections drops. */
    @Override
    public void loopClosing(SelectionKey key) {
        fail(new StreamClosedException("the event loop shut down during the TLS handshake"));
    }

    private void fail(Throwable e) {
        if (result.fail(e)) {
            Connector.closeQuietly(channel);
        }
    }
}
