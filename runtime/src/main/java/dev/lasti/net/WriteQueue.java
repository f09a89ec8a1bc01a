package dev.lasti.net;

import dev.lasti.Promise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The output side of a {@link TcpStream}: queued writes in order, each with the future that completes once
 * its last byte is in the kernel. Loop thread only.
 */
final class WriteQueue {
    /** How many queued writes one gathering write call may hand to the kernel. */
    private static final int MAX_GATHER = 16;

    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();

    /** A queued write: the bytes still to send, and the future that completes when none are left. */
    private record PendingWrite(ByteBuffer data, Promise<Void> done) {}

    /** Queues a copy of the remaining bytes of {@code data}, so the caller may reuse its buffer. */
    Promise<Void> add(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        PendingWrite w = new PendingWrite(copy, Promise.described("socket write"));
        queue.add(w);
        return w.done();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** One gathering write of the oldest entries; returns the bytes the kernel took (0 when it is full). */
    long writeTo(GatheringByteChannel channel) throws IOException {
        if (queue.size() == 1) { // the usual case: a plain write(2), without the iovec set-up of writev(2)
            return channel.write(queue.peek().data());
        }
        ByteBuffer[] buffers = new ByteBuffer[Math.min(queue.size(), MAX_GATHER)];
        Iterator<PendingWrite> it = queue.iterator();
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = it.next().data();
        }
        return channel.write(buffers);
    }

    /**
     * Completes the entries that are fully written. Each is removed before its future completes, because
     * the callbacks may queue more writes or close the stream.
     */
    void completeWritten() {
        while (!queue.isEmpty() && !queue.peek().data().hasRemaining()) {
            queue.poll().done().complete(null);
        }
    }

    /** Drops every entry, failing its future with a fresh error from {@code error}. */
    void failAll(Supplier<? extends Throwable> error) {
        for (PendingWrite w; (w = queue.poll()) != null; ) {
            w.done().fail(error.get());
        }
    }
}
