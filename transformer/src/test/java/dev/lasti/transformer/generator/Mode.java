package dev.lasti.transformer.generator;

/** Which of a method's two renderings is being written. */
enum Mode {
    /** The {@code @Async} method: awaits on schedule-controlled futures and on other async methods. */
    ASYNC,
    /** The plain twin: every awaited value inlined, every nested async call replaced by its twin. */
    PLAIN
}
