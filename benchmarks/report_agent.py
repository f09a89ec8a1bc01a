"""The agent's part of docs/performance.md (benchmarks/sections/agent.sh): start-up with and without the
Java agent, and what it adds per loaded class on a large jar without @Async."""

UNITS = {"agent-count": "", "scan-cold-ns": "ns", "scan-warm-ns": "ns"}


def _text_row(rows, workload, ours, target=""):
    rows.append(f"| {workload} | {ours} | | | | {target} | n/a |")


def ratio_rows(r, jmh, row, rows):
    a = "agent/"
    row(rows, "agent: start-up of a small `@Async` program rewritten as it loads (wall, `-javaagent`)",
        r.get(a + "startup-agent-rewrites"), "the same program transformed at build time, no agent",
        r.get(a + "startup-built"), "ms", "", None)
    row(rows, "agent: start-up of the build-time-transformed program with the agent on anyway (wall)",
        r.get(a + "startup-agent-built"), "the same, no agent", r.get(a + "startup-built"), "ms", "", None)
    n, plain, agent = r.get("agent-count/load-plain-classes"), r.get(a + "load-plain"), r.get(a + "load-agent")
    if n:
        what = f"loading {n:,.0f} classes without `@Async` (a large jar, not initialized; in-process time)"
        row(rows, f"agent: {what}", agent, "the same, no agent", plain, "ms", "", None)
        if plain is not None and agent is not None:
            per_class = (agent - plain) / n * 1000
            # On a busy machine the two medians can land either way round; a negative cost is noise.
            shown = f"{per_class:,.1f} µs" if per_class >= 0 else "below this run's noise (the agent's run was faster)"
            _text_row(rows, "agent: cost per loaded class without `@Async` (difference of the two rows above)",
                      shown, "a byte scan")
    cold, warm = r.get(a + "scan-cold-ns"), r.get(a + "scan-warm-ns")
    if cold is not None and warm is not None:
        unchanged = r.get("agent-count/scan-unchanged")
        _text_row(rows, "agent: the hook's own work per class of the same jar, bytes in memory (`ScanCost`; "
                  f"{unchanged or 0:,.0f} classes left unchanged)",
                  f"{cold / 1000:,.1f} µs first pass, {warm / 1000:,.2f} µs warm", "a byte scan")


def how():
    return [
        "- **Agent** (`sections/agent.sh`, `sections/agent/*.java`): `AgentHello` (an `@Async` loop of 10",
        "  `yieldNow` awaits on a fresh loop) compiled by `javac`, then timed wall-clock per JVM run: transformed",
        "  at build time by the CLI and run without the agent (the reference); untransformed under",
        "  `-javaagent:lasti-agent.jar` (the agent rewrites it and defines its frame); and the build-time copy",
        "  under the agent (the agent's fixed cost: its jar, the transformer's classes, a scan of every class",
        "  the JVM loads). `LoadAll` loads every class of the newest Kotlin stdlib jar in `~/.m2` (or the",
        "  benchmarks jar when there is none) through a fresh `URLClassLoader`, without initializing them, and",
        "  reports its own loading time; the run under the agent minus the run without it, over the class",
        "  count, is the per-class cost. `ScanCost` times the hook's own call (`ClassTransformer.transform`) over",
        "  the same jar's class bytes held in memory: the first pass (interpreted, as at start-up) and the",
        "  median of 10 later ones.",
    ]
