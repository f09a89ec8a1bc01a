package it.incremental;

public class Plain {
    public int twice(int x) {
        return 2 * x;
    }
}
