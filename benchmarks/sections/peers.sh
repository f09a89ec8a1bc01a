# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
# Kotlin coroutines and ea-async 1.2.3 (module benchmarks/peers), which run.sh's build does not cover: built
# here when its jar is missing or older than its sources.
peers_jar="$root/benchmarks/peers/target/lasti-benchmarks-peers.jar"
if [ ! -f "$peers_jar" ] \
    || [ -n "$(find "$root/benchmarks/peers/src" "$root/benchmarks/peers/pom.xml" -newer "$peers_jar" -print -quit)" ]; then
  echo "== build benchmarks/peers (Kotlin, ea-async)"
  (cd "$root" && mvn -B -q package -pl benchmarks/peers -am -DskipTests)
fi

# The same fixed heaps as the lasti workloads: skynet and the round trips 2g, memory 3g.
peer_launch() {
  local heap=$1; shift
  "$java" "-Xms$heap" "-Xmx$heap" -cp "$peers_jar" "$@" | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
}
kt=dev.lasti.bench.peers.kotlin
ea=dev.lasti.bench.peers.ea.EaAsyncMain

echo "== Kotlin coroutines and ea-async: skynet 1M, suspend + resume, memory; $launches alternated launches"
for ((l = 1; l <= launches; l++)); do
  for variant in suspend sync; do
    # Kotlin's skynet is the slowest workload here (about 0.5-0.8 s a run): as few runs as virtual threads get.
    peer_launch 2g "$kt.KotlinSkynet" "$variant" "$vt_runs"
    peer_launch 2g "$ea" skynet "$variant" "$runs"
  done
  peer_launch 2g "$kt.KotlinResume" yield 20
  peer_launch 2g "$kt.KotlinResume" raw 20
  peer_launch 2g "$ea" resume 20
  for n in "${sizes[@]}"; do
    peer_launch 3g "$kt.KotlinMemory" deferred "$n"
    peer_launch 3g "$kt.KotlinMemory" cancellable "$n"
  done
  peer_launch 3g "$ea" growth 1000000
  "$java" -Xms3g -Xmx3g -cp "$jar" dev.lasti.bench.memory.Memory lasti-growth 1000000 \
    | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
done
