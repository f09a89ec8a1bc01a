package dev.lasti.transformer.generator;

/**
 * One thing that went wrong with one generated program: a transform error, a class the verifier rejects,
 * or a run that disagrees with the plain twin.
 *
 * @param seed the program's seed, which regenerates it
 * @param kind what went wrong
 * @param detail method, schedule, expected and actual outcome, or the transformer's diagnostics
 */
record Finding(long seed, Kind kind, String detail) {
    /**
     * The stages a program can fail at, in pipeline order. {@code JAVAC_REJECTED} is a generator bug (or a
     * javac bug), not a transformer one.
     */
    enum Kind { JAVAC_REJECTED, TRANSFORM_FAILED, VERIFY_FAILED, MISMATCH, ESCAPED_SYNCHRONOUSLY, TIMEOUT }

    String describe() {
        return "seed " + Long.toUnsignedString(seed) + " " + kind + ": " + detail;
    }
}
