# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
# 10 million ints from a @Generates generator against a hand-written Iterator (same JVM, GeneratorBench) and
# against Kotlin's sequence { yield(i) } (KotlinSequenceBench, module benchmarks/peers); bytes per suspended
# generator against a suspended sequence iterator. Alternated launches, the same fixed heap for every one.
peers_jar="$root/benchmarks/peers/target/lasti-benchmarks-peers.jar"
if [ ! -f "$peers_jar" ] \
    || [ -n "$(find "$root/benchmarks/peers/src" "$root/benchmarks/peers/pom.xml" -newer "$peers_jar" -print -quit)" ]; then
  echo "== build benchmarks/peers (Kotlin, ea-async)"
  (cd "$root" && mvn -B -q package -pl benchmarks/peers -am -DskipTests)
fi
gen_jvm=(-Xms2g -Xmx2g)

echo "== generators: 10M ints and bytes per suspended generator, $launches alternated launches"
for ((l = 1; l <= launches; l++)); do
  "$java" "${gen_jvm[@]}" -cp "$jar" dev.lasti.bench.gen.GeneratorBench | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
  "$java" "${gen_jvm[@]}" -cp "$peers_jar" dev.lasti.bench.peers.kotlin.KotlinSequenceBench \
    | grep -E '^(RESULT|SKIPPED)' | tee -a "$results"
done
