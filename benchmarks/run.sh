#!/usr/bin/env bash
# Builds the benchmarks once, runs every workload against its peers in the same run, and writes
# docs/performance.md (plus docs/performance-memory.png when gnuplot is available).
#
#   benchmarks/run.sh [--short|--full]
#
# --short (default): JMH with few iterations, 3 alternated launches per whole-process workload.
# --full: more JMH iterations and forks, 5 launches, more points on the memory curve.
#
# Everything runs on JDK 25 (/usr/lib/jvm/temurin-25-jdk-amd64, or $BENCH_JAVA_HOME) because the
# virtual-thread peers need JDK 21+, and a ratio is only meaningful when both sides ran on the same JVM.
set -euo pipefail

mode="${1:---short}"
case "$mode" in
  --short) launches=3; jmh_args=(-f 1 -wi 3 -w 1s -i 5 -r 1s); sizes=(100000 1000000); runs=6; vt_runs=4 ;;
  --full)  launches=5; jmh_args=(-f 2 -wi 5 -w 2s -i 10 -r 2s); sizes=(10000 100000 300000 1000000); runs=12; vt_runs=6 ;;
  *) echo "usage: $0 [--short|--full]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
java_home="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$java_home/bin/java"
jar="$root/benchmarks/target/lasti-benchmarks.jar"
out="$root/benchmarks/target/results"
[ -x "$java" ] || { echo "no JDK 25 at $java_home (set BENCH_JAVA_HOME)" >&2; exit 1; }

echo "== build (package only: nothing is installed into ~/.m2)"
(cd "$root" && mvn -B -q package -pl benchmarks -am -DskipTests)
rm -rf "$out" && mkdir -p "$out"
results="$out/results.txt"
: > "$results"

# Same fixed heap for every launch, so that heap sizing does not favour one side.
skynet_jvm=(-Xms2g -Xmx2g)
memory_jvm=(-Xms3g -Xmx3g)

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

echo "== bytes per suspended task, $launches alternated launches per point"
for ((l = 1; l <= launches; l++)); do
  for n in "${sizes[@]}"; do
    for impl in lasti-promise lasti-sleep virtual-threads-park virtual-threads-sleep; do
      "$java" "${memory_jvm[@]}" -cp "$jar" dev.lasti.bench.memory.Memory "$impl" "$n" \
        | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
    done
  done
done

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

echo "== JMH micro benchmarks (${jmh_args[*]})"
"$java" -jar "$jar" "${jmh_args[@]}" -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Bench\.)' || true

if ! command -v gnuplot > /dev/null; then
  echo "== installing gnuplot-nox for the plots"
  (apt-get update -qq && apt-get install -y -qq gnuplot-nox) > "$out/apt.log" 2>&1 || echo "gnuplot install failed, no plots (see $out/apt.log)"
fi

echo "== writing docs/performance.md"
python3 "$root/benchmarks/report.py" --mode "${mode#--}" --results "$results" --jmh "$out/jmh.json" \
  --java "$java" --docs "$root/docs" --work "$out"
