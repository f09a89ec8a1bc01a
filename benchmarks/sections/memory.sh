# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
memory_jvm=(-Xms3g -Xmx3g)

echo "== bytes per suspended task, $launches alternated launches per point"
for ((l = 1; l <= launches; l++)); do
  for n in "${sizes[@]}"; do
    for impl in lasti-promise lasti-sleep handwritten virtual-threads-park virtual-threads-sleep; do
      "$java" "${memory_jvm[@]}" -cp "$jar" dev.lasti.bench.memory.Memory "$impl" "$n" \
        | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
    done
  done
done

