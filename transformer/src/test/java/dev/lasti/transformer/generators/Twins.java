package dev.lasti.transformer.generators;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Hand-written Iterator twins of {@link Gens}: the expected sequences. */
public final class Twins {
    private Twins() {}

    public static Iterator<Integer> countTo(int n) {
        return new Iterator<>() {
            int i;

            public boolean hasNext() {
                return i < n;
            }

            public Integer next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                return i++;
            }
        };
    }

    public static Iterator<String> wide(long start, double scale, int n) {
        return new Iterator<>() {
            long acc = start;
            char c = 'a';
            boolean flip;
            int i;

            public boolean hasNext() {
                return i < n;
            }

            public String next() {
                acc = acc * 3 + i;
                flip = !flip;
                String s = acc + ":" + (acc * scale) + ":" + c + ":" + flip;
                c++;
                i++;
                return s;
            }
        };
    }
}
