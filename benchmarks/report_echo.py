"""The echo workload's part of docs/performance.md (imported by report.py): 100 connections x 64 B
ping-pong against lasti, a plain NIO callback loop, Netty 4.1 on one NIO loop and virtual threads."""

# report.py looks units up by a key's first element, which is "echo" for both kinds of echo key, so the
# unit is left blank there (the key names say it: msgs-per-s, cpu-us-per-msg); the last-element entries
# are ready for a lookup by the key's last element.
UNITS = {"echo": "", "msgs-per-s": "msg/s", "cpu-us-per-msg": "us/msg", "client-cpu-us-per-msg": "us/msg"}

PEERS = [
    ("nio", "plain NIO selector loop, callbacks, one thread (floor)"),
    ("netty", "Netty 4.1.137 NIO, one event loop"),
    ("virtual-threads", "virtual thread per connection, one carrier"),
]


def ratio_rows(r, jmh, row, rows):
    ours = r.get("echo/lasti/msgs-per-s")
    targets = {"nio": (">= 0.95x", lambda o, q: q >= 0.95), "netty": ("ahead (> 1x)", lambda o, q: q > 1)}
    first = True
    for impl, name in PEERS:
        target, check = targets.get(impl, ("", None))
        row(rows, "echo, 100 connections x 64 B: messages/s (lasti / peer, higher is better)" if first else "",
            ours, name, r.get(f"echo/{impl}/msgs-per-s"), "msg/s", target, check)
        first = False
    ours = r.get("echo/lasti/cpu-us-per-msg")
    first = True
    for impl, name in PEERS:
        row(rows, "echo: server CPU per message, user+sys of the whole server process (lasti / peer, lower is "
            "better)" if first else "", ours, name, r.get(f"echo/{impl}/cpu-us-per-msg"), "us", "", None)
        first = False


def how():
    return [
        "- **Echo** (`echo/`, `sections/echo.sh`): four servers, each a `main` in its own JVM (`-Xms256m -Xmx256m`),",
        "  bound to 127.0.0.1 on an ephemeral port, one thread serving, TCP_NODELAY on every accepted socket:",
        "  lasti (`TcpServer.listen` with an `@Async` handler that loops `await(stream.read(16 KiB))` then",
        "  `await(stream.write(chunk))`); a hand-written `Selector` loop with callbacks and one direct buffer per",
        "  connection, `OP_READ` always, `OP_WRITE` only while output is pending (the floor); Netty 4.1.137.Final,",
        "  `NioEventLoopGroup(1)` as boss and worker group, a sharable handler that writes what it reads and flushes",
        "  on `channelReadComplete`; and a blocking `ServerSocketChannel` accept loop with one virtual thread per",
        "  connection doing blocking reads and writes on `-Djdk.virtualThreadScheduler.parallelism=1`. Netty runs",
        "  with its defaults, as most users run it: no `--add-opens`, so on JDK 25 its selected-keys optimisation",
        "  is off, and leak detection stays at `simple` (a quick A/B with both tuned showed no difference above",
        "  the noise here). lasti runs with its defaults too, blocked-loop checker included.",
        "  The load (`EchoClient`) is a separate JVM with one thread and its own selector: 100 connections, each",
        "  sends 64 bytes (new content every message), waits for all 64 back, checks them byte for byte (a wrong",
        "  echo, a stall of 5 s, or a connection never served fails the launch), and sends the next. It allocates",
        "  nothing per message. 5 s warm-up then 10 s measured (`--full`: 10 s + 20 s); msg/s counts echoes",
        "  completed in the window. Server CPU is the server process's user+system time from `/proc/<pid>/stat`",
        "  (every thread: loop, JIT, GC; 10 ms ticks) over the window, divided by the messages in it; the client's",
        "  own CPU per message is in `client-cpu-us-per-msg`. Client and server share the 2 cores (and here, other",
        "  work on the machine), so the client is part of the limit: msg/s of the fastest servers is bounded by",
        "  the client's cost per message, which is why server CPU per message is reported beside it. Launches",
        "  alternate lasti, NIO, Netty, virtual threads within each round; keys are `echo/<impl>/msgs-per-s`,",
        "  `echo/<impl>/cpu-us-per-msg`.",
    ]


def problems():
    return [
        "- **Echo: lasti spends about 1.15-1.3x the plain NIO loop's server CPU per message** (8.0-8.2 against",
        "  6.4-7.1 us in the last short run), consistently across launches, while msg/s swings either way with",
        "  the machine's load (0.7x to 2.5x the floor in two short runs on a machine shared with other",
        "  benchmarks). `perf` on the server (JIT frames via `-XX:+DumpPerfMapAtExit`) and strace show the same",
        "  syscalls per message for both (one `read`, one `write`, `epoll_wait` shared by ~75-95 messages), so",
        "  the difference is user-space work: about 1.8 against 0.7 us per message of JIT-compiled code on the",
        "  loaded machine. The top lasti frames are the handler's resume method (with `TcpStream.read`/`write`",
        "  inlined), `SelectorImpl.processReadyEvents` (with `onReady`, `fill`, `deliverReads` inlined),",
        "  `TcpStream.deliverReads`, `EventLoop.runOnce` (the ready queue and `Frame.run`); per message a read",
        "  allocates its `ReadRequest`, its `Promise` and the returned `byte[]` copy, and the wake-up goes through",
        "  the ready queue to the next iteration. Fixed in `dev.lasti.net` already: a write with nothing queued",
        "  goes straight to the kernel (no copy, queue entry or promise), one queued buffer uses `write(2)`",
        "  instead of `writev(2)`, OP_READ is dropped lazily instead of twice per message, the read buffer's",
        "  `ByteBuffer` view is reused, the thread check reads one thread-local (CPU per message 9.0-11.3 us",
        "  before, 8.3-8.9 after, in the same rounds). Where the rest goes, from two throw-away servers run",
        "  alternately with lasti (not kept): the floor's callbacks registered on lasti's own `EventLoop`",
        "  (`register` + `IoHandler`) cost the same as the plain NIO loop (6.4-7.0 us), so the loop itself is not",
        "  the gap; `TcpStream` driven by `whenDone` callbacks, without an `@Async` task, costs the same as the",
        "  `@Async` handler (8.4-9.1 us), so the task hop through the ready queue is not the gap either. It is",
        "  the stream and future layer: per message, on the loop thread, about +0.4 us of JIT code and +0.75 us",
        "  of kernel time spread thinly over many symbols (perf, one launch each, loaded machine).",
        "  The server's C2 compiler was still busy during a 5 s warm-up on the loaded machine (5% of samples):",
        "  `--full` warms up for 10 s.",
    ]
