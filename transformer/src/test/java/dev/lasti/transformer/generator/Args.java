package dev.lasti.transformer.generator;

import java.util.Random;

/** Arguments for a generated method's entry call, derived from the program seed. */
final class Args {
    /** Parameter types of every generated instance method, matching {@link ProgramGenerator#PARAMS}. */
    static final Class<?>[] TYPES = {int.class, long.class, double.class, String.class, int.class};
    /** Parameter types of a generated static method: the schedule and the trace come first. */
    static final Class<?>[] STATIC_TYPES =
            {Sched.class, StringBuilder.class, int.class, long.class, double.class, String.class, int.class};

    /** Nested calls go this deep below the entry call; deeper would multiply run time, not coverage. */
    static final int DEPTH = 2;

    private Args() {}

    /**
     * Invokes generated method {@code name} (or its twin) of {@code program}: static methods get the
     * schedule and the trace as arguments, instance methods get them through a fresh instance.
     */
    static Object invoke(Class<?> program, String name, boolean isStatic, Sched sched, StringBuilder trace,
                         Object[] args) throws ReflectiveOperationException {
        if (isStatic) {
            Object[] all = new Object[args.length + 2];
            all[0] = sched;
            all[1] = trace;
            System.arraycopy(args, 0, all, 2, args.length);
            return program.getMethod(name, STATIC_TYPES).invoke(null, all);
        }
        Object target = program.getConstructor(Sched.class, StringBuilder.class).newInstance(sched, trace);
        return program.getMethod(name, TYPES).invoke(target, args);
    }

    static Object[] forSeed(long seed, int method) {
        Random r = new Random(seed * 31 + method);
        return new Object[] {r.nextInt(20) - 5, (long) r.nextInt(1000), r.nextInt(100) / 4.0,
                new String[] {"a", "b", "xy"}[r.nextInt(3)], DEPTH};
    }
}
