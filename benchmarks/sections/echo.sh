# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
# Echo: 100 connections x 64 B ping-pong against four one-thread servers, each in its own JVM with the same
# fixed heap, loaded by one client JVM (dev.lasti.bench.echo.EchoClient) that checks every echoed byte.
echo_jvm=(-Xms256m -Xmx256m)
echo_conns=100
echo_bytes=64
case "$mode" in
  --full) echo_warmup=10; echo_measured=20 ;;
  *) echo_warmup=5; echo_measured=10 ;;
esac
# impl:server class; the virtual threads get one carrier, like the one-thread loops.
echo_impls=("lasti:LastiEchoServer" "nio:NioEchoServer" "netty:NettyEchoServer"
            "virtual-threads:VirtualThreadEchoServer")

# Starts one server, waits for its "LISTENING <impl> <port> <pid>" line, runs the client against it, and
# stops the server. A wrong echo or a stalled server makes the client exit non-zero: said loudly, and the
# implementation is marked SKIPPED with the reason on the page rather than given a number.
echo_launch() {
  local name="$1" cls="$2" log="$out/echo-$1.log" spid port pid line
  "$java" "${echo_jvm[@]}" -Djdk.virtualThreadScheduler.parallelism=1 -cp "$jar" \
    "dev.lasti.bench.echo.$cls" 0 > "$log" 2>&1 &
  spid=$!
  for _ in $(seq 300); do
    grep -qE '^(LISTENING|SKIPPED)' "$log" && break
    kill -0 "$spid" 2> /dev/null || break
    sleep 0.1
  done
  if grep -q '^SKIPPED' "$log"; then
    grep '^SKIPPED' "$log" | tee -a "$results"
  elif ! line="$(grep -m1 '^LISTENING' "$log")"; then
    echo "!! echo: the $name server did not start (see $log)" >&2
    echo "SKIPPED echo/$name/msgs-per-s the server did not start" | tee -a "$results"
  else
    read -r _ _ port pid <<< "$line"
    if ! "$java" "${echo_jvm[@]}" -cp "$jar" dev.lasti.bench.echo.EchoClient "$name" "$port" "$pid" \
        "$echo_conns" "$echo_bytes" "$echo_warmup" "$echo_measured" > "$out/echo-client.txt" 2>&1; then
      echo "!! echo: the $name client FAILED:" >&2
      cat "$out/echo-client.txt" >&2
      echo "SKIPPED echo/$name/msgs-per-s $(grep -m1 '^FAILED' "$out/echo-client.txt" || echo 'client failed')" \
        | tee -a "$results"
    fi
    grep -E '^(RESULT|SKIPPED)' "$out/echo-client.txt" | tee -a "$results" || true
  fi
  # Each server binds an ephemeral port, so the next launch never waits for this one's port; the server is
  # still reaped before the next launch, so that two servers never compete for the cores.
  kill "$spid" 2> /dev/null || true
  wait "$spid" 2> /dev/null || true
}

echo "== echo, $echo_conns connections x $echo_bytes B, ${echo_warmup} s warm-up + ${echo_measured} s measured," \
  "$launches alternated launches"
for ((l = 1; l <= launches; l++)); do
  for entry in "${echo_impls[@]}"; do
    echo_launch "${entry%%:*}" "${entry##*:}"
  done
done
