package dev.lasti.bench.micro;

import java.util.ArrayDeque;

/**
 * The floor for a suspend + resume round trip on one thread: a hand-written state machine on a minimal run
 * queue. Like {@code await(EventLoop.yieldNow())} each round trip queues the "yield" completion, which then
 * queues the task's wake-up, so it does the same two queue passes with none of a real loop's other work.
 */
public final class Handwritten {
    private Handwritten() {}

    /** Runs {@code n} round trips and returns the task's result. */
    public static int yieldLoop(int n) {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();
        Task task = new Task(queue, n);
        task.run();
        for (Runnable r; (r = queue.poll()) != null; ) {
            r.run();
        }
        return task.sum;
    }

    /** The task {@code for (i < n) { await(yield); sum += i; }} as a resumable object. */
    private static final class Task implements Runnable {
        private final ArrayDeque<Runnable> queue;
        private final int n;
        /** The completion of the awaited yield: wakes the task, as a done future would. */
        private final Runnable wake;
        private int i;
        int sum;
        /** 0 before the first await, 1 while suspended at it. */
        private int resumePoint;

        Task(ArrayDeque<Runnable> queue, int n) {
            this.queue = queue;
            this.n = n;
            this.wake = () -> queue.add(this);
        }

        @Override
        public void run() {
            if (resumePoint == 1) {
                sum += i;
                i++;
            }
            if (i < n) {
                resumePoint = 1;
                queue.add(wake); // suspend on the yield
            }
        }
    }
}
