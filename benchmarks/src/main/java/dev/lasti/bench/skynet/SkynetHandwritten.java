package dev.lasti.bench.skynet;

import java.util.ArrayDeque;

/**
 * The floor: skynet as a hand-written state machine, one small object per node, on a LIFO run queue. A leaf
 * suspends by pushing itself on the queue; when it runs it reports to its parent, which completes when its
 * last child has.
 */
final class SkynetHandwritten {
    private SkynetHandwritten() {}

    static long suspending(int size, int div) {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        Node root = new Node(null, 0);
        start(root, size, div, queue);
        for (Node n; (n = queue.pollFirst()) != null; ) {
            n.parent.childDone(n.num);
        }
        return root.sum;
    }

    private static void start(Node node, int size, int div, ArrayDeque<Node> queue) {
        if (size == 1) {
            queue.push(node); // suspend; resumed by the loop above
            return;
        }
        int sub = size / div;
        node.pending = div;
        for (int i = 0; i < div; i++) {
            start(new Node(node, node.num + (long) i * sub), sub, div, queue);
        }
    }

    /** One node's frame: its number, the sum so far, and how many children it still waits for. */
    private static final class Node {
        final Node parent;
        final long num;
        long sum;
        int pending;

        Node(Node parent, long num) {
            this.parent = parent;
            this.num = num;
        }

        void childDone(long value) {
            sum += value;
            if (--pending == 0 && parent != null) {
                parent.childDone(sum);
            }
        }
    }
}
