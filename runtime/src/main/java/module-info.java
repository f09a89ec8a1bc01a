/**
 * lasti's runtime: the event loop, futures and tasks that transformed {@code @Async} methods run on, the TCP
 * layer over it, and the ABI package that generated code calls. JDK only. The HTTP server is the module
 * {@code lasti-http} (automatic module {@code dev.lasti.http}).
 */
module dev.lasti {
    // JDK modules only (Flight Recorder events, below): the blocked-loop check asks whether a debugger suspended the loop thread, and each
    // running loop registers an EventLoopMXBean; the ps/pstree command (Inspect) attaches to another JVM
    requires java.management;
    requires static jdk.attach;
    requires jdk.jfr; // LoopEvents: produced off the loop thread only
    exports dev.lasti;
    exports dev.lasti.net;
    exports dev.lasti.sync;
    // for generated code only, no compatibility promise: frame classes in users' modules must reach it
    exports dev.lasti.internal;
}
