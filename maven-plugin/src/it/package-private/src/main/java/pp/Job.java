package pp;

import dev.lasti.Future;

/** Package-private top-level interface, no @Async. */
interface Job {
    Future<Integer> work(int n);
}
