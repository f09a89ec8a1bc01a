package pp;

/** Package-private top-level class without @Async. */
class Helper {
    int count;

    Helper(int count) {
        this.count = count;
    }

    int twice(int x) {
        return 2 * x;
    }
}
