# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
#
# HTTP, two parts, both on 127.0.0.1 and loaded by wrk:
# 1. lasti's HttpServer (dev.lasti.bench.http.HttpBench) against the seed's own Tornado app
#    (benchmarks/tornado/server.py on Debian's python3-tornado): hello and /sleep. wrk and the server share
#    the machine's 2 cores, so every figure there includes the load generator's cost.
# 2. Pinned hello (issue 16): lasti against Netty 4.1's HTTP codec and Vert.x 5 (module benchmarks/http-peers),
#    each on one event loop, the server pinned to core 0 (taskset -c 0) and wrk -t1 to core 1, so each side
#    has a core of its own; then the same on two loops, the server on both cores and wrk unpinned.
# Each (workload, implementation) gets a fresh server process, alternated within each round.
# HTTP_SECS=N shortens every measured run to N seconds (not the 3 s warm-ups), for a smoke test of the section.
# HTTP_TORNADO=0 skips the Tornado workloads, leaving the pinned hello against Netty and Vert.x.
# Fixed heap, touched at start-up: otherwise the first GCs under 10,000 connections spend their time in
# page faults zeroing fresh heap pages (seen with perf), which no long-running server pays.
http_jvm=(-Xms1g -Xmx1g -XX:+AlwaysPreTouch)
http_python=/usr/bin/python3 # Debian's, with dist-packages; a pyenv python3 on PATH lacks python3-tornado
case "$mode" in
  --full) http_hello_secs=20; http_sleep_secs=20; http_levels=(10 100 1000 3000 10000) ;;
  *)      http_hello_secs=10; http_sleep_secs=10; http_levels=(${HTTP_LEVELS:-100 1000 10000}) ;; # HTTP_LEVELS="..." overrides
esac
if [ -n "${HTTP_SECS:-}" ]; then
  http_hello_secs=$HTTP_SECS
  http_sleep_secs=$HTTP_SECS
fi
http_port=18400
# Both servers get this listen backlog (Tornado's default is 128, lasti's 1,024): wrk opens all its
# connections at once, and a handshake that overflows the accept queue is retried a second later.
http_backlog=16384

need_debs wrk:wrk
if ! "$http_python" -c 'import tornado' 2> /dev/null; then
  echo "== installing python3-tornado from Debian"
  (apt-get update -qq && apt-get install -y -qq python3-tornado) >> "$out/apt.log" 2>&1 \
    || echo "could not install python3-tornado (see $out/apt.log)"
fi

# 10,000 connections need 10,000 descriptors in wrk and in the server, plus their own files.
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
http_nofile=$(ulimit -n)
# The kernel caps every backlog at net.core.somaxconn (4096 on current kernels); raise it when allowed.
if [ "$(cat /proc/sys/net/core/somaxconn)" -lt "$http_backlog" ]; then
  echo "$http_backlog" > /proc/sys/net/core/somaxconn 2> /dev/null \
    || echo "could not raise net.core.somaxconn to $http_backlog: backlogs stay capped"
fi
echo "== HTTP: open-file limit $http_nofile, listen backlog $http_backlog," \
  "net.core.somaxconn $(cat /proc/sys/net/core/somaxconn)"

# wrk prints its own summary with rounded units; this hook prints its exact figures (latencies in ms).
http_lua="$out/http-report.lua"
cat > "$http_lua" << 'EOF'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests %d\n", summary.requests))
  io.write(string.format("WRK rps %.1f\n", summary.requests / summary.duration * 1e6))
  io.write(string.format("WRK mean-ms %.3f\n", latency.mean / 1000))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("WRK p%d-ms %.3f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("WRK max-ms %.3f\n", latency.max / 1000))
  io.write(string.format("WRK errors %d\n", e.connect + e.read + e.write + e.status))
  io.write(string.format("WRK timeouts %d\n", e.timeout))
end
EOF

# The ramp variant: each connection's first request waits k/n of a second (k-th of the thread's n
# connections), so the first wave arrives spread over one second instead of all at once. wrk starts its
# latency clock when it writes a request, so the wait is not counted. Later requests are not delayed.
http_ramp_lua="$out/http-ramp.lua"
{ cat "$http_lua"; cat << 'EOF'
local first, n = 0, 0
init = function(args) first = tonumber(args[1]) end
delay = function()
  n = n + 1
  if n <= first then return math.floor((n - 1) * 1000 / first) end
  return 0
end
EOF
} > "$http_ramp_lua"

# The Netty 4.1 and Vert.x 5 peers (module benchmarks/http-peers), which run.sh's build does not cover:
# built here when a jar is missing or older than its sources.
http_netty_jar="$root/benchmarks/http-peers/netty/target/lasti-benchmarks-http-netty.jar"
http_vertx_jar="$root/benchmarks/http-peers/vertx/target/lasti-benchmarks-http-vertx.jar"
http_stale=()
for m in netty vertx; do
  j="$root/benchmarks/http-peers/$m/target/lasti-benchmarks-http-$m.jar"
  if [ ! -f "$j" ] || [ -n "$(find "$root/benchmarks/http-peers/$m/src" "$root/benchmarks/http-peers/$m/pom.xml" \
      -newer "$j" -print -quit)" ]; then
    http_stale+=("benchmarks/http-peers/$m")
  fi
done
if [ ${#http_stale[@]} -gt 0 ]; then
  echo "== build ${http_stale[*]}"
  (cd "$root" && mvn -B -q package -pl "$(IFS=,; echo "${http_stale[*]}")" -DskipTests) \
    || echo "!! http: the build of ${http_stale[*]} failed; its servers will not start" >&2
fi

# http_start IMPL [CPUS [LOOPS]]: starts a server on a fresh port (pinned to CPUS with taskset when given, on
# LOOPS event loops for the servers that take it), sets http_pid and http_url; fails if it does not listen.
http_start() {
  http_port=$((http_port + 1))
  local log="$out/http-$1-$http_port.log" pin=() loops=()
  [ -n "${2:-}" ] && pin=(taskset -c "$2")
  [ -n "${3:-}" ] && loops=("$3")
  case "$1" in
    lasti) "${pin[@]}" "$java" "${http_jvm[@]}" -cp "$jar" dev.lasti.bench.http.HttpBench "$http_port" \
             "$http_backlog" "${loops[@]}" > "$log" 2>&1 & ;;
    tornado) "$http_python" "$root/benchmarks/tornado/server.py" "$http_port" "$http_backlog" > "$log" 2>&1 & ;;
    netty) "${pin[@]}" "$java" "${http_jvm[@]}" -cp "$http_netty_jar" dev.lasti.bench.httppeers.netty.NettyHttpServer \
             "$http_port" "$http_backlog" "${loops[@]}" > "$log" 2>&1 & ;;
    vertx) "${pin[@]}" "$java" "${http_jvm[@]}" -cp "$http_vertx_jar" dev.lasti.bench.httppeers.vertx.VertxHttpServer \
             "$http_port" "$http_backlog" "${loops[@]}" > "$log" 2>&1 & ;;
  esac
  http_pid=$!
  http_url="http://127.0.0.1:$http_port"
  for _ in $(seq 100); do
    grep -q '^listening' "$log" && return 0
    kill -0 "$http_pid" 2> /dev/null || break
    sleep 0.2
  done
  echo "the $1 server did not start (see $log)" >&2
  kill "$http_pid" 2> /dev/null; wait "$http_pid" 2> /dev/null || true
  return 1
}

http_stop() {
  kill "$http_pid" 2> /dev/null || true
  wait "$http_pid" 2> /dev/null || true
}

# How wrk is started: 2 threads sharing the cores with the server, unless a workload says otherwise (the
# pinned one runs `taskset -c 1 wrk -t1`).
http_load=(wrk -t2)

# http_wrk KEY CONNECTIONS SECONDS PATH [LUA ARGS...]: one measured wrk run; its WRK lines become
# RESULT KEY/<metric>.
http_wrk() {
  "${http_load[@]}" -c"$2" -d"$3"s --timeout 30s --latency -s "${5:-$http_lua}" "$http_url$4" "${@:6}" \
    > "$out/wrk.txt" 2>&1 || true
  grep -E '^ *(Socket errors|Non-2xx)' "$out/wrk.txt" | sed "s|^ *|  $1: |" || true
  grep '^WRK ' "$out/wrk.txt" | while read -r _ metric value; do echo "RESULT $1/$metric $value"; done \
    | tee -a "$results"
}

# Warm-up on every fresh server, both sides alike, on the path about to be measured (JIT for lasti):
# 3 s (or SECONDS) of hello with 100 connections, or 3 s of /sleep with 1,000 (which also runs the accept path).
# http_warm PATH [SECONDS]
http_warm() {
  if [ "$1" = /sleep ]; then
    "${http_load[@]}" -c1000 -d"${2:-3}"s --timeout 30s "$http_url/sleep" > /dev/null 2>&1 || true
  else
    "${http_load[@]}" -c100 -d"${2:-3}"s "$http_url/" > /dev/null 2>&1 || true
  fi
}

if [ "${HTTP_TORNADO:-1}" = 0 ]; then
  echo "SKIPPED http/tornado-workloads not run: HTTP_TORNADO=0 (only the pinned hello)" | tee -a "$results"
elif ! command -v wrk > /dev/null || ! "$http_python" -c 'import tornado' 2> /dev/null; then
  echo "SKIPPED http/tornado-workloads wrk or python3-tornado is missing and could not be installed" \
    | tee -a "$results"
else
  echo "== HTTP vs Tornado under wrk -t2 (sharing the 2 cores): hello -c100 ${http_hello_secs}s;" \
    "/sleep (1 s) at ${http_levels[*]} connections, ${http_sleep_secs}s each; $launches alternated launches"
  for ((l = 1; l <= launches; l++)); do
    for impl in lasti tornado; do
      http_start "$impl" || continue
      http_warm /
      http_wrk "http/hello/$impl" 100 "$http_hello_secs" /
      http_stop
    done
    for c in "${http_levels[@]}"; do
      if [ "$http_nofile" -lt $((c + 1000)) ]; then
        echo "SKIPPED http/sleep/$c open-file limit $http_nofile is too low for $c connections" | tee -a "$results"
        continue
      fi
      for impl in lasti tornado; do
        http_start "$impl" || continue
        http_warm /sleep
        http_wrk "http/sleep/$c/$impl" "$c" "$http_sleep_secs" /sleep
        http_stop
      done
    done
    # The largest level again with the first wave spread over a second: what is left is the steady state.
    c=${http_levels[-1]}
    [ "$http_nofile" -lt $((c + 1000)) ] && continue
    for impl in lasti tornado; do
      http_start "$impl" || continue
      http_warm /sleep
      http_wrk "http/sleep-ramp/$c/$impl" "$c" "$http_sleep_secs" /sleep "$http_ramp_lua" $((c / 2))
      http_stop
    done
  done
fi

# Pinned hello (issue 16): lasti, Netty 4.1's HTTP codec and Vert.x 5, each on one event loop pinned to core 0,
# against wrk -t1 -c100 pinned to core 1; then each on two loops, pinned to cores 0 and 1, with wrk -t2 unpinned
# (so on this 2-core machine the load generator shares the server's cores again). Every server must first
# answer GET / with lasti's hello: status line, headers (names in any case and order; Date must be an
# IMF-fixdate) and body; one that differs, or does not start, is SKIPPED with the reason.
http_pinned_impls=(lasti netty vertx)
# A server pinned to one core compiles on that core too: with -XX:+PrintCompilation, Netty and Vert.x were
# still compiling, and their req/s still climbing, 10 s into a hello load (on a loaded machine), so 3 s of
# warm-up measured the JIT. Each pinned launch is warmed for 10 s (HTTP_PINNED_WARM=N overrides).
http_pinned_warm=${HTTP_PINNED_WARM:-10}
http_hello_headers=$'content-length: 13\ncontent-type: text/plain; charset=utf-8\ndate: *'

# http_check: prints why the server at $http_url does not answer GET / like HttpBench's hello; nothing if it does.
http_check() {
  local status headers
  if ! status=$(curl -sS --max-time 5 -D "$out/http-check.head" -o "$out/http-check.body" -w '%{http_code}' \
      "$http_url/" 2> "$out/http-check.err"); then
    echo "GET / failed: $(head -1 "$out/http-check.err")"
    return
  fi
  [ "$status" = 200 ] || { echo "GET / answered status $status, not 200"; return; }
  [ "$(head -1 "$out/http-check.head" | tr -d '\r')" = "HTTP/1.1 200 OK" ] \
    || { echo "GET / answered the status line '$(head -1 "$out/http-check.head" | tr -d '\r')'"; return; }
  headers=$(tail -n +2 "$out/http-check.head" | tr -d '\r' | grep -v '^$' \
    | sed -E 's/^([^:]*):/\L\1:/; s/^date: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/date: */' \
    | LC_ALL=C sort)
  [ "$headers" = "$http_hello_headers" ] \
    || { echo "GET / answered the headers '$(echo "$headers" | paste -sd '|')'," \
              "not '$(echo "$http_hello_headers" | paste -sd '|')'"; return; }
  printf 'Hello, world\n' | cmp -s - "$out/http-check.body" \
    || echo "GET / answered the body '$(head -c 60 "$out/http-check.body" | tr '\n' '|')', not 'Hello, world|'"
  return 0
}

# http_pinned KEY IMPL CPUS LOOPS: one checked, warmed, measured launch; the req/s it measured lands in
# http_round[IMPL] (empty when it was SKIPPED).
declare -gA http_round
http_pinned() {
  local key=$1 impl=$2 loops=$4 why
  http_round[$impl]=
  [ "$impl" = lasti ] && [ "$loops" = 1 ] && loops= # one loop: HttpBench runs a plain EventLoop on its main thread
  if ! http_start "$impl" "$3" "$loops"; then
    echo "SKIPPED $key/$impl/rps the server did not start (see $out/http-$impl-$http_port.log)" | tee -a "$results"
    return
  fi
  why=$(http_check)
  if [ -n "$why" ]; then
    echo "!! http: $impl: $why" >&2
    echo "SKIPPED $key/$impl/rps $why" | tee -a "$results"
    http_stop
    return
  fi
  http_warm / "$http_pinned_warm"
  local cpu0 cpu1 requests
  cpu0=$(http_cpu_ticks)
  http_wrk "$key/$impl" 100 "$http_hello_secs" /
  cpu1=$(http_cpu_ticks)
  http_round[$impl]=$(awk '$1 == "WRK" && $2 == "rps" { print $3 }' "$out/wrk.txt")
  requests=$(awk '$1 == "WRK" && $2 == "requests" { print $3 }' "$out/wrk.txt")
  http_cpu_per_request "$key/$impl" "$cpu0" "$cpu1" "$requests"
  [ -n "${http_round[$impl]}" ] \
    || echo "SKIPPED $key/$impl/rps wrk measured nothing: $(tail -1 "$out/wrk.txt")" | tee -a "$results"
  http_stop
}

# The server's user and system CPU time so far, in clock ticks (fields 14 and 15 of /proc/PID/stat), every
# thread included (GC and JIT too): "user system", or nothing if the process is gone.
http_cpu_ticks() {
  awk '{ print $14, $15 }' "/proc/$http_pid/stat" 2> /dev/null
}

# http_cpu_per_request KEY "U0 S0" "U1 S1" REQUESTS: the server's CPU per request over the measured run, in
# microseconds, as RESULT KEY/user-us and KEY/sys-us. Throughput on this shared machine swings with the
# kernel's cost of a loopback write (sys time), which every server pays alike; the user time is the server's
# own code, and varies far less between rounds.
http_cpu_per_request() {
  [ -n "$2" ] && [ -n "$3" ] && [ -n "${4:-}" ] && [ "$4" -gt 0 ] || return 0
  local hz
  hz=$(getconf CLK_TCK)
  read -r u0 s0 <<< "$2"
  read -r u1 s1 <<< "$3"
  echo "RESULT $1/user-us $(awk -v d=$((u1 - u0)) -v hz="$hz" -v n="$4" 'BEGIN { printf "%.3f", d / hz * 1e6 / n }')" \
    | tee -a "$results"
  echo "RESULT $1/sys-us $(awk -v d=$((s1 - s0)) -v hz="$hz" -v n="$4" 'BEGIN { printf "%.3f", d / hz * 1e6 / n }')" \
    | tee -a "$results"
}

# http_ratios KEY: this round's lasti req/s over each peer's, when both were measured, as a percentage (the
# "All measurements" table prints one decimal): RESULT KEY/lasti-vs-<peer>/pct.
http_ratios() {
  local peer
  for peer in netty vertx; do
    if [ -n "${http_round[lasti]:-}" ] && [ -n "${http_round[$peer]:-}" ]; then
      echo "RESULT $1/lasti-vs-$peer/pct $(awk -v a="${http_round[lasti]}" -v b="${http_round[$peer]}" \
        'BEGIN { printf "%.2f", 100 * a / b }')" | tee -a "$results"
    fi
  done
}

if ! command -v wrk > /dev/null; then
  echo "SKIPPED http/pinned-hello wrk is missing and could not be installed" | tee -a "$results"
elif ! taskset -c 1 true 2> /dev/null; then
  echo "SKIPPED http/pinned-hello taskset -c 1 failed (util-linux missing, or fewer than 2 CPUs)" | tee -a "$results"
else
  echo "== HTTP hello, lasti vs Netty 4.1 vs Vert.x 5: one loop pinned to core 0 with wrk -t1 -c100 pinned to core 1," \
    "then two loops on cores 0,1 with wrk -t2 -c100 unpinned; ${http_pinned_warm}s warm-up + ${http_hello_secs}s each," \
    "$launches alternated rounds"
  for ((l = 1; l <= launches; l++)); do
    http_load=(taskset -c 1 wrk -t1)
    for impl in "${http_pinned_impls[@]}"; do
      http_pinned http/pinned-hello "$impl" 0 1
    done
    http_ratios http/pinned-hello
    http_load=(wrk -t2)
    for impl in "${http_pinned_impls[@]}"; do
      http_pinned http/pinned-hello-2loops "$impl" 0,1 2
    done
    http_ratios http/pinned-hello-2loops
  done
  http_load=(wrk -t2)
fi
