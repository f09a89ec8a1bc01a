# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
echo "== JMH micro benchmarks (${jmh_args[*]})"
"$java" -jar "$jar" "${jmh_args[@]}" -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Bench\.)' || true

