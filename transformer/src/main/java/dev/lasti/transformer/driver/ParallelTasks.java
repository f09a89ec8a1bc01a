package dev.lasti.transformer.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list through an I/O function on a bounded pool, keeping the input order in the output so that
 * results stay deterministic whatever the scheduling.
 */
final class ParallelTasks {
    /** A function that may fail with any exception; the failure is reported against its item's file. */
    @FunctionalInterface
    interface Task<T, R> {
        R apply(T item) throws Exception;
    }

    private final int parallelism;

    ParallelTasks(int parallelism) {
        this.parallelism = parallelism;
    }

    /**
     * Applies {@code task} to every item, at most {@code parallelism} at a time.
     *
     * @param fileOf the file an item is about, named in the exception if its task fails
     * @throws DriverException wrapping the first failure in input order
     */
    <T, R> List<R> map(List<T> items, Function<T, Path> fileOf, Task<T, R> task) throws DriverException {
        if (items.isEmpty()) {
            return List.of();
        }
        AtomicInteger threadIds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), r -> {
            Thread t = new Thread(r, "lasti-driver-" + threadIds.incrementAndGet());
            t.setDaemon(true); // never keep a build JVM alive
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                results.add(await(futures.get(i), fileOf.apply(items.get(i))));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future, Path file) throws DriverException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while processing " + file, file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof java.io.IOException ? "I/O error on " : "internal error on ";
            throw new DriverException(what + file + ": " + cause, file, cause);
        }
    }
}
