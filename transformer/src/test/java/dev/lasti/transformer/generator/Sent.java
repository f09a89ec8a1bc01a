package dev.lasti.transformer.generator;

import java.util.Arrays;

/**
 * What a yield evaluates to in generated generators, shared by both renderings: the transformed code writes
 * {@code Sent.gotI(Yield.yield(x))}, the twin's {@link YieldScript#yI} ends in the same call. A sent value
 * has the class of the value it answers ({@link #reply}), so the cast fits the yield's type; {@code null}
 * (what {@code next()} sends, and what an async generator's yield always gets) becomes a fixed value of the
 * type, so a program that uses what its yields return works under every consumer.
 */
public final class Sent {
    private Sent() {}

    public static int gotI(Object sent) {
        return sent == null ? 7 : (Integer) sent;
    }

    public static long gotJ(Object sent) {
        return sent == null ? 7L : (Long) sent;
    }

    public static double gotD(Object sent) {
        return sent == null ? 0.5 : (Double) sent;
    }

    public static float gotF(Object sent) {
        return sent == null ? 1.5f : (Float) sent;
    }

    public static boolean gotZ(Object sent) {
        return sent == null || (Boolean) sent;
    }

    public static byte gotB(Object sent) {
        return sent == null ? (byte) 7 : (Byte) sent;
    }

    public static short gotS(Object sent) {
        return sent == null ? (short) 7 : (Short) sent;
    }

    public static char gotC(Object sent) {
        return sent == null ? 'n' : (Character) sent;
    }

    public static String gotT(Object sent) {
        return sent == null ? "xy" : (String) sent;
    }

    /** A fresh array each time: the program may store into it. */
    public static int[] gotIA(Object sent) {
        return sent == null ? new int[] {7, 7, 7, 7} : (int[]) sent;
    }

    public static long[] gotJA(Object sent) {
        return sent == null ? new long[] {7L, 7L, 7L, 7L} : (long[]) sent;
    }

    /**
     * What the consumer sends in answer to the {@code k}-th yielded value {@code v}: a value of {@code v}'s
     * class that depends on both, so a wrong value or a value delivered to the wrong yield shows. Arrays are
     * copied, so the yielded array the consumer recorded stays as it was.
     */
    static Object reply(Object v, int k) {
        if (v instanceof Integer i) {
            return i * 3 + k;
        } else if (v instanceof Long l) {
            return l * 5 - k;
        } else if (v instanceof Double d) {
            return d / 2 + k;
        } else if (v instanceof Float f) {
            return f + k;
        } else if (v instanceof Boolean b) {
            return b ^ (k % 2 == 0);
        } else if (v instanceof Byte b) {
            return (byte) (b + k);
        } else if (v instanceof Short s) {
            return (short) (s - k);
        } else if (v instanceof Character c) {
            return (char) ('a' + (c + k) % 26);
        } else if (v instanceof String s) {
            // The generator's words, so string switches and equals() take other arms than under next().
            return new String[] {"a", "b", "xy", "q"}[(k + s.length()) & 3];
        } else if (v instanceof int[] a) {
            int[] c = a.clone();
            c[k & 3] += k;
            return c;
        } else if (v instanceof long[] a) {
            long[] c = a.clone();
            c[k & 3] -= k;
            return c;
        }
        throw new IllegalArgumentException("no reply to " + show(v));
    }

    /** A yielded or returned value as the consumer records it: its class and its contents. */
    static String show(Object v) {
        if (v instanceof int[] a) {
            return "int[]" + Arrays.toString(a);
        } else if (v instanceof long[] a) {
            return "long[]" + Arrays.toString(a);
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }
}
