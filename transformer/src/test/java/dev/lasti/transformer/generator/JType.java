package dev.lasti.transformer.generator;

/**
 * The value types a generated program computes with. Every primitive is here so each one ends up as a local
 * and on the operand stack across an await; {@code long} and {@code double} matter most because they take
 * two slots.
 */
enum JType {
    INT("int", "Integer", "I"),
    LONG("long", "Long", "J"),
    DOUBLE("double", "Double", "D"),
    FLOAT("float", "Float", "F"),
    BOOLEAN("boolean", "Boolean", "Z"),
    BYTE("byte", "Byte", "B"),
    SHORT("short", "Short", "S"),
    CHAR("char", "Character", "C"),
    STRING("String", "String", "T"),
    INT_ARRAY("int[]", "int[]", "IA"),
    LONG_ARRAY("long[]", "long[]", "JA"),
    /** The generated {@code enum Color {R, G, B}}, only ever a switch selector. */
    COLOR("Color", "Color", "E");

    /** The scalar types an expression generator can be asked for. */
    static final JType[] SCALARS = {INT, LONG, DOUBLE, FLOAT, BOOLEAN, BYTE, SHORT, CHAR, STRING};

    /** Types an {@code @Async} method may return; small primitives would only add casts, not coverage. */
    static final JType[] RETURNS = {INT, LONG, DOUBLE, BOOLEAN, STRING};

    final String source;
    final String boxed;
    /** Suffix of the trace helper for this type, e.g. {@code trJ} for {@code long}. */
    final String code;

    JType(String source, String boxed, String code) {
        this.source = source;
        this.boxed = boxed;
        this.code = code;
    }

    /** Integral and floating types that take {@code + - *}. */
    boolean numeric() {
        return this != BOOLEAN && this != STRING && !array();
    }

    /** Types whose arithmetic javac promotes to {@code int}, so results need a cast back. */
    boolean small() {
        return this == BYTE || this == SHORT || this == CHAR;
    }

    boolean integral() {
        return this == INT || this == LONG || small();
    }

    boolean array() {
        return this == INT_ARRAY || this == LONG_ARRAY;
    }

    /** The element type of an array type. */
    JType element() {
        return switch (this) {
            case INT_ARRAY -> INT;
            case LONG_ARRAY -> LONG;
            default -> throw new IllegalArgumentException(this + " is not an array type");
        };
    }
}
