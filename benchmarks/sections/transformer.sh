# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
echo "== transformer over the $(basename "$jar") classes (no @Async code but 3 classes), $launches launches"
tjar="$(ls "$root"/transformer/target/lasti-transformer-*.jar | grep -v /original- | head -1)"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
for ((l = 1; l <= launches; l++)); do
  rm -rf "$out/tclasses" "$out/tstate" && mkdir -p "$out/tclasses"
  (cd "$out/tclasses" && unzip -q "$jar" '*.class')
  echo "RESULT transformer/classes $(find "$out/tclasses" -name '*.class' | wc -l)" | tee -a "$results"
  # The tool's own timing of a full pass, without JVM start-up: "lasti: ... in N ms".
  line="$("$java" -jar "$tjar" --state "$out/tstate" "$out/tclasses" | grep '^lasti:')"
  echo "RESULT transformer/full-pass-ms ${line##* in }" | sed 's/ ms$//' | tee -a "$results"
  # What a rebuild with nothing changed costs, JVM start-up included, against a bare JVM start-up.
  t0=$(now_ms); "$java" -jar "$tjar" --state "$out/tstate" "$out/tclasses" > /dev/null; t1=$(now_ms)
  "$java" -version 2> /dev/null; t2=$(now_ms)
  echo "RESULT transformer/incremental-wall-ms $((t1 - t0))" | tee -a "$results"
  echo "RESULT transformer/jvm-startup-wall-ms $((t2 - t1))" | tee -a "$results"
done

