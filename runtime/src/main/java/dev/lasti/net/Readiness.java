package dev.lasti.net;

import dev.lasti.EventLoop;
import dev.lasti.Future;
import dev.lasti.Promise;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * The low-level await on channel readiness, like the seeds' {@code io_loop.add_handler(fd, callback,
 * READ)} whose callback calls {@code future.set_result}: {@code await(Readiness.ready(channel,
 * SelectionKey.OP_READ))}, then do the non-blocking read yourself.
 *
 * <p>Use it for raw channels that you drive yourself, not for a channel that a {@link TcpStream} owns.
 * As with {@code add_handler}, a channel has at most one wait outstanding: a new wait replaces the
 * previous one's registration. Between waits the channel stays registered with no interest, so the next
 * wait is cheap; closing the channel ends the registration.
 */
public final class Readiness {
    private Readiness() {}

    /**
     * A future that completes with the channel's selection key the first time the channel is ready for
     * any of {@code ops}; the interest is then removed again. Cancelling the future removes it too. Call
     * on a loop thread; the channel is made non-blocking.
     */
    public static Future<SelectionKey> ready(SelectableChannel channel, int ops) {
        if ((ops & ~channel.validOps()) != 0 || ops == 0) {
            throw new IllegalArgumentException("ops " + ops + " are not valid for " + channel);
        }
        EventLoop loop = EventLoop.current();
        Promise<SelectionKey> ready = Promise.described("socket readiness");
        EventLoop.IoHandler handler = k -> {
            k.interestOps(0); // one-shot, like removing the handler after set_result
            ready.complete(k);
        };
        SelectionKey key = loop.register(channel, ops, handler);
        ready.whenDone(f -> {
            if (f.isCancelled()) {
                loop.execute(() -> dropInterest(key, handler)); // the canceller may be on another thread
            }
        });
        return ready;
    }

    /** Drops the interest unless a newer wait has taken over the registration. */
    private static void dropInterest(SelectionKey key, EventLoop.IoHandler handler) {
        if (key.isValid() && key.attachment() == handler) {
            key.interestOps(0);
        }
    }
}
