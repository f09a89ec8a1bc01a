package dev.lasti.transformer.generator;

import java.util.Random;

/** Arguments for a generated method's entry call, derived from the program seed. */
final class Args {
    /** Parameter types of every entry: the schedule and the trace, then {@link ProgramGenerator#PARAMS}. */
    static final Class<?>[] STATIC_TYPES =
            {Sched.class, StringBuilder.class, int.class, long.class, double.class, String.class, int.class};

    /** Nested calls go this deep below the entry call; deeper would multiply run time, not coverage. */
    static final int DEPTH = 2;

    private Args() {}

    /** Invokes the static entry {@code name} (an async entry or its twin) of {@code program}. */
    static Object invoke(Class<?> program, String name, Sched sched, StringBuilder trace, Object[] args)
            throws ReflectiveOperationException {
        Object[] all = new Object[args.length + 2];
        all[0] = sched;
        all[1] = trace;
        System.arraycopy(args, 0, all, 2, args.length);
        return program.getMethod(name, STATIC_TYPES).invoke(null, all);
    }

    static Object[] forSeed(long seed, int method) {
        Random r = new Random(seed * 31 + method);
        return new Object[] {r.nextInt(20) - 5, (long) r.nextInt(1000), r.nextInt(100) / 4.0,
                new String[] {"a", "b", "xy"}[r.nextInt(3)], DEPTH};
    }
}
