package dev.lasti.testing;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what lasti logs. lasti logs through {@link System.Logger} "dev.lasti", whose default backend
 * is java.util.logging, so a JUL handler on that logger sees every record.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    /** Held strongly: JUL keeps loggers only weakly, and the handler must stay on the same instance. */
    private static final Logger LASTI = Logger.getLogger("dev.lasti");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing; close to stop. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        LASTI.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        LASTI.removeHandler(this);
    }

    /** Records so far that match. */
    public List<LogRecord> matching(Predicate<LogRecord> filter) {
        return records.stream().filter(filter).toList();
    }

    /** Records whose thrown exception has exactly this message. */
    public static Predicate<LogRecord> thrownWithMessage(String message) {
        return r -> r.getThrown() != null && message.equals(r.getThrown().getMessage());
    }

    /** Waits up to {@code timeout} for a matching record, collecting garbage meanwhile. */
    public boolean awaitRecord(Predicate<LogRecord> filter, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - end < 0) {
            if (!matching(filter).isEmpty()) {
                return true;
            }
            forceGc();
            Thread.sleep(20);
        }
        return !matching(filter).isEmpty();
    }

    /** Runs the collector until a fresh weakly reachable probe is gone: at least one GC really ran. */
    public static void forceGc() throws InterruptedException {
        WeakReference<Object> probe = new WeakReference<>(new Object());
        for (int i = 0; i < 100 && probe.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        if (probe.get() != null) {
            throw new AssertionError("the collector did not run");
        }
    }
}
