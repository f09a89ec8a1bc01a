package dev.lasti.transformer.generator;

import java.util.Random;

/** Arguments for a generated method's entry call, derived from the program seed. */
final class Args {
    /** Parameter types of every generated method, matching {@link ProgramGenerator#PARAMS}. */
    static final Class<?>[] TYPES = {int.class, long.class, double.class, String.class, int.class};

    /** Nested calls go this deep below the entry call; deeper would multiply run time, not coverage. */
    static final int DEPTH = 2;

    private Args() {}

    static Object[] forSeed(long seed, int method) {
        Random r = new Random(seed * 31 + method);
        return new Object[] {r.nextInt(20) - 5, (long) r.nextInt(1000), r.nextInt(100) / 4.0,
                new String[] {"a", "b", "xy"}[r.nextInt(3)], DEPTH};
    }
}
