package dev.lasti.transformer.generator;

/**
 * Where a generated method lives and how its entry reaches it. Every method, wherever it lives, gets a static
 * entry {@code e<i>(Sched s, StringBuilder t, int a, long b, double c, String d, int depth)} in the program's
 * class (and {@code e<i>$plain} for the twin), so the runner and other methods can call any of them the same way.
 */
enum Host {
    /** A member of the program's class, instance or static; the only host that others call directly. */
    TOP(null),
    /** A static nested class {@code N<i>} with its own {@code s} and {@code t} fields. */
    NESTED(Shape.NESTED_CLASSES),
    /** An inner class {@code I<i>}: {@code s} and {@code t} are the outer instance's fields. */
    INNER(Shape.NESTED_CLASSES),
    /** A local class {@code L<i>} in the entry, capturing the entry's {@code s} and {@code t}. */
    LOCAL(Shape.NESTED_CLASSES),
    /** An anonymous {@code Task} in the entry, capturing {@code s} and {@code t}. */
    ANONYMOUS(Shape.NESTED_CLASSES),
    /** A lambda implementing {@code Task}, made by {@code f<i>(s, t)}: javac's synthetic {@code lambda$f<i>$0}. */
    LAMBDA(Shape.LAMBDAS),
    /** A member of the program's class, reached through {@code Task f = new P(s, t)::m<i>}. */
    METHOD_REF(Shape.METHOD_REFS),
    /** A default method of interface {@code D<i>}, called on an anonymous implementation. */
    INTERFACE_DEFAULT(Shape.INTERFACE_MEMBERS),
    /** A static method of interface {@code S<i>}. */
    INTERFACE_STATIC(Shape.INTERFACE_MEMBERS),
    /** A method of enum {@code E<i>}, called on its second constant. */
    ENUM(Shape.ENUM_AND_RECORD_MEMBERS),
    /** A method of an enum constant's body ({@code K<i>.ONE { .. }}), overriding an abstract one. */
    ENUM_CONSTANT(Shape.ENUM_AND_RECORD_MEMBERS),
    /** A method of record {@code R<i>(Sched s, StringBuilder t)}: {@code s} and {@code t} are its components. */
    RECORD(Shape.ENUM_AND_RECORD_MEMBERS),
    /** A package-private top-level class {@code P$Q<i>} in the same file, using the program's helpers. */
    OTHER_TOP(Shape.OTHER_TOP_CLASSES);

    /** The shape that switches this host on, or {@code null} for the always-on {@link #TOP}. */
    final Shape shape;

    Host(Shape shape) {
        this.shape = shape;
    }

    /** Whether the host's method takes {@code Sched s, StringBuilder t} first, like a static method does. */
    boolean takesScheduleAndTrace(boolean isStatic) {
        return switch (this) {
            case TOP, METHOD_REF, OTHER_TOP -> isStatic;
            case INTERFACE_DEFAULT, INTERFACE_STATIC, ENUM, ENUM_CONSTANT -> true;
            default -> false;
        };
    }

    /** Whether the method's parameter list is the host's to choose (not fixed by {@code Task.go}). */
    boolean freeSignature() {
        return this != ANONYMOUS && this != LAMBDA && this != METHOD_REF && this != ENUM_CONSTANT;
    }

    /** The extra parameters of a generic or varargs method. */
    enum Extra {
        NONE,
        /** {@code <V extends CharSequence>} and a leading {@code V v}. */
        GENERIC,
        /** A trailing {@code int... more}. */
        VARARGS
    }
}
