#!/usr/bin/env bash
# Builds the benchmarks once, runs every workload against its peers in the same run, and writes
# docs/performance.md (plus the PNG plots, with gnuplot).
#
#   benchmarks/run.sh [--short|--full] [SECTION...]
#
# --short (default): JMH with few iterations, 3 alternated launches per whole-process workload.
# --full: more JMH iterations and forks, 5 launches, more points on the curves.
# SECTION: run only these files of benchmarks/sections/ (for example `skynet echo`). Such a partial run
# writes its page into benchmarks/target/results/ instead of docs/, showing n/a for the other sections,
# so the committed page is only ever replaced by a run of every section.
#
# Everything runs on JDK 25 (/usr/lib/jvm/temurin-25-jdk-amd64, or $BENCH_JAVA_HOME) because the
# virtual-thread peers need JDK 21+, and a ratio is only meaningful when both sides ran on the same JVM.
#
# A section is a bash file sourced here. It may use the variables below and appends lines
# "RESULT <key> <number>" (or "SKIPPED <key> <why>") to $results; report.py turns them into the page.
set -euo pipefail

mode="${1:---short}"
[ $# -gt 0 ] && shift
case "$mode" in
  --short) launches=3; jmh_args=(-f 2 -wi 6 -w 1s -i 5 -r 1s); sizes=(100000 1000000); runs=6; vt_runs=4 ;;
  --full)  launches=5; jmh_args=(-f 2 -wi 5 -w 2s -i 10 -r 2s); sizes=(10000 100000 300000 1000000); runs=12; vt_runs=6 ;;
  *) echo "usage: $0 [--short|--full] [SECTION...]" >&2; exit 2 ;;
esac
all_sections=(skynet memory transformer agent echo http peers generators jmh)
sections=("${@:-${all_sections[@]}}")
docs_dir="$(cd "$(dirname "$0")/.." && pwd)/docs"
[ $# -gt 0 ] && docs_dir="$(cd "$(dirname "$0")/.." && pwd)/benchmarks/target/results"

root="$(cd "$(dirname "$0")/.." && pwd)"
java_home="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$java_home/bin/java"
jar="$root/benchmarks/target/lasti-benchmarks.jar"
out="$root/benchmarks/target/results"
[ -x "$java" ] || { echo "no JDK 25 at $java_home (set BENCH_JAVA_HOME)" >&2; exit 1; }
for s in "${sections[@]}"; do
  [ -f "$root/benchmarks/sections/$s.sh" ] || { echo "no section benchmarks/sections/$s.sh" >&2; exit 2; }
done

# module_jar MODULE ARTIFACT: the module's main jar, never its shaded original or a classifier jar (the
# runtime also builds -tests.jar, which `ls | head -1` once picked: it has no dev.lasti classes).
module_jar() {
  ls "$root/$1/target/$2"-*.jar | grep -vE -e '/original-' -e '-(sources|javadoc|tests)\.jar$' | head -1
}

# Debian packages the sections need; installed once, here, so that a fresh machine can run the suite.
need_debs() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" > /dev/null || missing+=("${pair##*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]} from Debian"
    (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >> "$out/apt.log" 2>&1 \
      || echo "could not install ${missing[*]} (see $out/apt.log)"
  fi
}

echo "== build (package only: nothing is installed into ~/.m2)"
(cd "$root" && mvn -B -q package -pl benchmarks -am -DskipTests)
rm -rf "$out" && mkdir -p "$out"
results="$out/results.txt"
: > "$results"
need_debs gnuplot:gnuplot-nox

for s in "${sections[@]}"; do
  # shellcheck source=/dev/null
  source "$root/benchmarks/sections/$s.sh"
done

echo "== writing $docs_dir/performance.md"
python3 "$root/benchmarks/report.py" --mode "${mode#--}" --results "$results" --jmh "$out/jmh.json" \
  --java "$java" --docs "$docs_dir" --work "$out"
