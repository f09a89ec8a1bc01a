# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
# Same fixed heap for every launch, so that heap sizing does not favour one side.
skynet_jvm=(-Xms2g -Xmx2g)

echo "== skynet 1M, $launches alternated launches per implementation"
skynet=("suspend lasti" "suspend handwritten" "suspend completable-future" "suspend virtual-threads"
        "sync lasti" "sync recursion" "sync completable-future" "sync virtual-threads")
for ((l = 1; l <= launches; l++)); do
  for entry in "${skynet[@]}"; do
    read -r variant impl <<< "$entry"
    n=$runs; [ "$impl" = virtual-threads ] && n=$vt_runs
    "$java" "${skynet_jvm[@]}" -cp "$jar" dev.lasti.bench.skynet.Skynet "$impl" "$variant" "$n" \
      | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
  done
done

