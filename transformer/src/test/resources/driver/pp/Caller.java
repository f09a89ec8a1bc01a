package pp;

import dev.lasti.Future;

/** Unchanged class using a rewritten class's package-private constructor, field and @Async method. */
class Caller {
    static Future<Integer> call() {
        Target t = new Target(40);
        t.extra = 2;
        return t.total();
    }
}
