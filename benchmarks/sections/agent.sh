# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
# What the Java agent (agent/) costs at load time: start-up of a small @Async program rewritten by the agent
# against the same program transformed at build time, the agent's fixed cost on a program that needs nothing
# from it, and the per-class cost on a large jar without @Async: end to end (every class loaded, none
# initialized, with and without the agent) and the hook's own work alone (ScanCost).
echo "== agent: package the agent jar (nothing is installed)"
(cd "$root" && mvn -B -q package -pl agent -am -DskipTests)
ajar="$(module_jar agent lasti-agent)"
tjar="$(module_jar transformer lasti-transformer)"
rjar="$(module_jar runtime lasti-runtime)"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
aw="$out/agent"
rm -rf "$aw" && mkdir -p "$aw/plain"
# ScanCost calls the transformer jar: the agent bundles the same code, relocated to packages of its own.
"${java%/java}/javac" -nowarn --release 17 -cp "$rjar:$tjar" -d "$aw/plain" "$root"/benchmarks/sections/agent/*.java
cp -r "$aw/plain" "$aw/built"
"$java" -jar "$tjar" "$aw/built" > /dev/null   # the build-time pass, for the variants without the agent
# The large class path: the newest Kotlin stdlib in the local repository (Kotlin code, no @Async), else the
# benchmarks jar (JMH and its dependencies).
big="$(ls -v "$HOME"/.m2/repository/org/jetbrains/kotlin/kotlin-stdlib/*/kotlin-stdlib-[0-9]*.jar 2> /dev/null \
  | grep -v -e sources -e javadoc | tail -1 || true)"
[ -n "$big" ] || big="$jar"
echo "RESULT agent-count/jar-classes $(unzip -Z1 "$big" | grep -c '\.class$')" | tee -a "$results"
echo "== agent: start-up and loading $(basename "$big"), $launches alternated launches"
# Wall time of one JVM run of AgentHello; $1 = key, the rest = java flags and class path.
hello() {
  local key="$1"; shift
  local t0 t1
  t0=$(now_ms); "$java" "$@" AgentHello > /dev/null; t1=$(now_ms)
  echo "RESULT agent/$key $((t1 - t0))" | tee -a "$results"
}
# In-process time of loading every class of $big; $1 = key, the rest = java flags.
load_all() {
  local key="$1"; shift
  local line
  line="$("$java" "$@" -cp "$aw/plain" LoadAll "$big")"
  echo "RESULT agent/$key $(sed -nE 's/.* ms ([0-9]+)$/\1/p' <<< "$line")" | tee -a "$results"
  echo "RESULT agent-count/$key-classes $(sed -nE 's/^classes ([0-9]+) .*/\1/p' <<< "$line")" | tee -a "$results"
}
for ((l = 1; l <= launches; l++)); do
  for ((k = 1; k <= 3; k++)); do   # start-up is short and noisy: three of each per launch round
    hello startup-built -cp "$aw/built:$rjar"
    hello startup-agent-rewrites "-javaagent:$ajar" -cp "$aw/plain:$rjar"
    hello startup-agent-built "-javaagent:$ajar" -cp "$aw/built:$rjar"
  done
  t0=$(now_ms); "$java" -version 2> /dev/null; t1=$(now_ms)
  echo "RESULT agent/jvm-startup $((t1 - t0))" | tee -a "$results"
  load_all load-plain
  load_all load-agent "-javaagent:$ajar"
  line="$("$java" -cp "$aw/plain:$tjar" ScanCost "$big")"
  echo "RESULT agent/scan-cold-ns $(sed -nE 's/.* cold-ns ([0-9]+) .*/\1/p' <<< "$line")" | tee -a "$results"
  echo "RESULT agent/scan-warm-ns $(sed -nE 's/.* warm-ns ([0-9]+)$/\1/p' <<< "$line")" | tee -a "$results"
  echo "RESULT agent-count/scan-unchanged $(sed -nE 's/.* unchanged ([0-9]+) .*/\1/p' <<< "$line")" \
    | tee -a "$results"
done
