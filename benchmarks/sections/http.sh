# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
#
# HTTP: lasti's HttpServer (dev.lasti.bench.http.HttpBench) against the seed's own Tornado app
# (benchmarks/tornado/server.py on Debian's python3-tornado), both on 127.0.0.1, loaded by wrk.
# wrk and the server share the machine's 2 cores, so every figure here includes the load generator's cost.
# Each (workload, implementation) gets a fresh server process, alternated lasti/tornado within each round.
# Fixed heap, touched at start-up: otherwise the first GCs under 10,000 connections spend their time in
# page faults zeroing fresh heap pages (seen with perf), which no long-running server pays.
http_jvm=(-Xms1g -Xmx1g -XX:+AlwaysPreTouch)
http_python=/usr/bin/python3 # Debian's, with dist-packages; a pyenv python3 on PATH lacks python3-tornado
case "$mode" in
  --full) http_hello_secs=20; http_sleep_secs=20; http_levels=(10 100 1000 3000 10000) ;;
  *)      http_hello_secs=10; http_sleep_secs=10; http_levels=(${HTTP_LEVELS:-100 1000 10000}) ;; # HTTP_LEVELS="..." overrides
esac
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

# http_start IMPL: starts a server on a fresh port, sets http_pid and http_url; fails if it does not listen.
http_start() {
  http_port=$((http_port + 1))
  local log="$out/http-$1-$http_port.log"
  case "$1" in
    lasti) "$java" "${http_jvm[@]}" -cp "$jar" dev.lasti.bench.http.HttpBench "$http_port" "$http_backlog" \
             > "$log" 2>&1 & ;;
    tornado) "$http_python" "$root/benchmarks/tornado/server.py" "$http_port" "$http_backlog" > "$log" 2>&1 & ;;
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

# http_wrk KEY CONNECTIONS SECONDS PATH [LUA ARGS...]: one measured wrk run; its WRK lines become
# RESULT KEY/<metric>.
http_wrk() {
  wrk -t2 -c"$2" -d"$3"s --timeout 30s --latency -s "${5:-$http_lua}" "$http_url$4" "${@:6}" > "$out/wrk.txt" 2>&1 \
    || true
  grep -E '^ *(Socket errors|Non-2xx)' "$out/wrk.txt" | sed "s|^ *|  $1: |" || true
  grep '^WRK ' "$out/wrk.txt" | while read -r _ metric value; do echo "RESULT $1/$metric $value"; done \
    | tee -a "$results"
}

# Warm-up on every fresh server, both sides alike, on the path about to be measured (JIT for lasti):
# 3 s of hello with 100 connections, or 3 s of /sleep with 1,000 (which also runs the accept path).
http_warm() {
  if [ "$1" = /sleep ]; then
    wrk -t2 -c1000 -d3s --timeout 30s "$http_url/sleep" > /dev/null 2>&1 || true
  else
    wrk -t2 -c100 -d3s "$http_url/" > /dev/null 2>&1 || true
  fi
}

if ! command -v wrk > /dev/null || ! "$http_python" -c 'import tornado' 2> /dev/null; then
  echo "SKIPPED http/all wrk or python3-tornado is missing and could not be installed" | tee -a "$results"
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
