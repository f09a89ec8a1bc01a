package dev.lasti;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves every registration of a failed selector to a fresh one, the recovery Netty's {@code NioIoHandler}
 * makes when its selector breaks: each valid key's channel is registered again with the same interest and
 * attachment, the old key is cancelled and the old selector closed. Loop thread only.
 *
 * <p>The races, by interleaving:
 * <ul>
 * <li>Registrations and interest changes are loop-thread only ({@link EventLoop#register} checks), and this
 *     runs on the loop thread between two selects, so no key is added or re-aimed while we copy: the copy
 *     sees every key and its current interest.
 * <li>Another thread closes a channel while we copy: its old key is cancelled under us ({@code interestOps}
 *     throws {@link CancelledKeyException}) or the new {@code register} throws {@link
 *     ClosedChannelException}; either way the channel is gone and is skipped. A close after the new
 *     {@code register} cancels the new key, which the next select drops as usual.
 * <li>Another thread wakes the loop ({@code execute}, {@code stop}) while we swap: the loop publishes the
 *     new selector (a volatile write) before it re-checks its inbox and stop flag, and the submitter writes
 *     the inbox or flag before it reads the selector; so either the loop sees the work and does not block,
 *     or the submitter wakes the new selector. A wake-up that reaches the old one is harmless.
 * <li>Readiness lost in the failing select: selection is level-triggered, so a channel that was ready is
 *     reported again by the first select on the new selector.
 * <li>Holders of the old key (a stream keeps its key in a field) learn the new one through {@link
 *     EventLoop.IoHandler#rekeyed}, called after the swap, before any handler runs again.
 * </ul>
 */
final class SelectorRebuild {
    private static final System.Logger LOG = System.getLogger("dev.lasti");

    private SelectorRebuild() {}

    /**
     * Returns a new selector holding {@code old}'s registrations; {@code old} is closed. The keys are
     * handed to {@code moved} so the caller can tell their handlers once the new selector is in place.
     *
     * @throws IOException if no new selector can be opened (then {@code old} is left as it was)
     */
    static Selector rebuild(Selector old, List<SelectionKey> moved) throws IOException {
        Selector fresh = Selector.open();
        List<SelectionKey> keys;
        try {
            keys = new ArrayList<>(old.keys());
        } catch (RuntimeException e) { // ClosedSelectorException: nothing can be recovered from it
            keys = List.of();
        }
        for (SelectionKey key : keys) {
            SelectionKey copy = move(key, fresh);
            if (copy != null) {
                moved.add(copy);
            }
        }
        try {
            old.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "lasti: closing the failed selector failed", e);
        }
        return fresh;
    }

    /** The key's registration on {@code fresh}, or {@code null} when its channel is closed meanwhile. */
    private static SelectionKey move(SelectionKey key, Selector fresh) {
        SelectableChannel channel = key.channel();
        try {
            int ops = key.interestOps();
            Object attachment = key.attachment();
            key.cancel();
            return channel.register(fresh, ops, attachment);
        } catch (CancelledKeyException | ClosedChannelException e) {
            return null;
        }
    }
}
